// The admin's rules editor, in a full-screen modal opened from the Power-Up's settings
// (show-settings). Its own bundle, with CodeMirror and the YAML document library: no card and no
// other page downloads them.
import { apiBaseUrl } from '../data/api-client';
import { createBoardSources } from '../data/board-sources';
import { LOCALIZATION, localizeWith } from '../i18n/localize';
import { languageOf } from '../i18n/message';
import { pageLocale } from '../data/load-card-view';
import { createDraftStore } from '../rules-editor/draft-store';
import { startRulesEditor } from '../rules-editor/editor-page';
import { createRulesApi } from '../rules-editor/rules-api';

const t = window.TrelloPowerUp.iframe({ localization: LOCALIZATION });
const sources = createBoardSources({ pageUrl: window.location.href });
const root = document.getElementById('root') ?? document.body;

/** The page's localStorage, or null where the browser refuses it to a third-party frame (it throws then). */
function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
let started = false;
/** The member's unsaved draft, where the browser refuses this page its own storage (draft-store.ts). */
const DRAFT_KEY = 'rulesDraft';

t.render(() => {
  // Drawn once: Trello's later render calls (a card changed on the board) must not throw away the draft.
  if (started) return;
  started = true;
  const locale = pageLocale(t);
  document.documentElement.lang = languageOf(locale);
  startRulesEditor({
    root,
    api: createRulesApi({ baseUrl: apiBaseUrl(window.location.href), token: () => sources.token(t) }),
    ctx: { localize: localizeWith(t, locale), locale, language: languageOf(locale), showCard: (cardId) => void t.showCard(cardId) },
    drafts: createDraftStore({
      storage: pageStorage(),
      boardId: t.getContext().board,
      trello: {
        get: () => t.get('board', 'private', DRAFT_KEY),
        set: (value) => t.set('board', 'private', DRAFT_KEY, value),
        remove: () => t.remove('board', 'private', DRAFT_KEY),
      },
    }),
  });
});
