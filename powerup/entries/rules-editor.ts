// The admin's rules editor, in a full-screen modal opened from the Power-Up's settings
// (show-settings). Its own bundle, with CodeMirror and the YAML document library: no card and no
// other page downloads them.
import { LOCALIZATION, localizeWith } from '../i18n/localize';
import { languageOf } from '../i18n/message';
import { pageLocale } from '../data/load-card-view';
import { startRulesEditor } from '../rules-editor/editor-page';
import { createRulesApi } from '../rules-editor/rules-api';

const t = window.TrelloPowerUp.iframe({ localization: LOCALIZATION });
const root = document.getElementById('root') ?? document.body;
let started = false;

t.render(() => {
  // Drawn once: Trello's later render calls (a card changed on the board) must not throw away the draft.
  if (started) return;
  started = true;
  const locale = pageLocale(t);
  document.documentElement.lang = languageOf(locale);
  startRulesEditor({
    root,
    api: createRulesApi({ pageUrl: window.location.href, jwt: () => t.jwt({}) }),
    ctx: { localize: localizeWith(t, locale), locale, language: languageOf(locale), showCard: (cardId) => void t.showCard(cardId) },
  });
});
