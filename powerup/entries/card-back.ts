// «Данные станции» on the card back: the station form, or a read-only view for members who may
// not edit the card.
import { createBoardSources } from '../data/board-sources';
import { loadCardView } from '../data/load-card-view';
import { createReadOnlyView } from '../form/read-only-view';
import { saveStation } from '../form/save-station';
import { createStationForm } from '../form/station-form';
import { localizeWith } from '../i18n/localize';
import { neededMarks } from '../model/needed-marks';
import { readinessSummary } from '../ui/readiness-summary';
import { startPage } from '../ui/start-page';

const sources = createBoardSources({ pageUrl: window.location.href });
let form: { isDirty(): boolean } | undefined;

startPage(async (t, root) => {
  // Trello calls render again when the card changes; redrawing then would throw away typing.
  if (form?.isDirty()) return;
  const view = await loadCardView(t, sources);
  const localize = localizeWith(t, view.locale);
  const keys = view.config.fields.map((field) => field.key);
  const common = { config: view.config, keys, language: view.language, localize };
  if (!t.memberCanWriteToModel('card')) {
    form = undefined;
    const readOnly = createReadOnlyView({ ...common, station: view.card.station });
    root.replaceChildren(...[readinessSummary(view, localize), readOnly].filter(isNode));
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
  root.replaceChildren(...[readinessSummary(view, localize), created.el].filter(isNode));
});

function isNode(node: HTMLElement | null): node is HTMLElement {
  return node !== null;
}
