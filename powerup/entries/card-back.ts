// «Данные станции» on the card back: whose turn the card is («Беру»), its «История», its
// «Доступы», and the station form, or a read-only view for members who may not edit the card.
import { createBoardSources } from '../data/board-sources';
import { loadCardView } from '../data/load-card-view';
import { createReadOnlyView } from '../form/read-only-view';
import { saveStation } from '../form/save-station';
import { createStationForm } from '../form/station-form';
import { localizeWith } from '../i18n/localize';
import { neededMarks } from '../model/needed-marks';
import { cardHistory } from '../ui/card-history-view';
import { readinessSummary } from '../ui/readiness-summary';
import { startPage } from '../ui/start-page';
import { vaultView } from '../ui/vault-view';

const sources = createBoardSources({ pageUrl: window.location.href });
let form: { isDirty(): boolean } | undefined;
let vault: { isDirty(): boolean; isOpen(): boolean } | undefined;
let draws = 0;

startPage(async (t, root) => {
  // Trello calls render again when the card changes; redrawing then would throw away typing.
  const busy = () => form?.isDirty() === true || vault?.isDirty() === true;
  if (busy()) return;
  const draw = ++draws;
  const view = await loadCardView(t, sources);
  // The member may have begun typing while the card was read, or a later render overtaken this one.
  if (busy() || draw !== draws) return;
  const localize = localizeWith(t, view.locale);
  const keys = view.config.fields.map((field) => field.key);
  const common = { config: view.config, keys, language: view.language, localize };
  // Loaded beside the form, never before it: a slow history must not hold up the station data.
  const history = cardHistory({
    api: sources.api(t),
    cardId: view.cardId,
    localize,
    language: view.language,
    mayTake: t.memberCanWriteToModel('card'),
  });
  // «Доступы» likewise: read beside the form, drawn under the history (nothing without a vault).
  const credentials = vaultView({ api: sources.api(t), cardId: view.cardId, localize, open: vault?.isOpen() ?? false });
  vault = credentials;
  const top = [readinessSummary(view, localize), history.turn, history.history, credentials.el];
  if (!t.memberCanWriteToModel('card')) {
    form = undefined;
    const readOnly = createReadOnlyView({ ...common, station: view.card.station });
    root.replaceChildren(...[...top, readOnly].filter(isNode));
    return;
  }
  const created = createStationForm({
    ...common,
    grouped: true,
    stored: view.card.station,
    marks: neededMarks(view.config, view.listName, view.card),
    save: (check, shownKeys) => saveStation(t, localize, check, shownKeys),
  });
  form = created;
  root.replaceChildren(...[...top, created.el].filter(isNode));
});

function isNode(node: HTMLElement | null): node is HTMLElement {
  return node !== null;
}
