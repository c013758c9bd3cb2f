// «Сводка»: the director's view, in a full-screen modal opened by the board button. Its own
// bundle (with uPlot for the trend), so the card badges never download it.
import { createBoardSources } from '../data/board-sources';
import { pageLocale } from '../data/load-card-view';
import { LOCALIZATION, localizeWith } from '../i18n/localize';
import { languageOf } from '../i18n/message';
import { startSummaryPage } from '../summary/summary-page';

const t = window.TrelloPowerUp.iframe({ localization: LOCALIZATION });
const sources = createBoardSources({ pageUrl: window.location.href });
const root = document.getElementById('root') ?? document.body;
let started = false;

t.render(() => {
  // A modal is drawn once: Trello's later render calls (a card changed on the board) would throw
  // away the filters and pages the director has opened.
  if (started) return;
  started = true;
  const locale = pageLocale(t);
  document.documentElement.lang = languageOf(locale);
  startSummaryPage({
    root,
    api: sources.api(t),
    boardId: t.getContext().board,
    ctx: {
      localize: localizeWith(t, locale),
      language: languageOf(locale),
      locale,
      showCard: (cardId) => void t.showCard(cardId),
    },
  });
});
