// The popup «Для «…» не хватает»: what the next stage lacks, the fields to fill in place, and the
// move once nothing is missing. Opened by «Следующий этап» and by the readiness detail badge.
import type { IFrame } from 'trellopowerup/lib/powerup';
import type { Failure, FailureCode } from '../../rules';
import { createBoardSources } from '../data/board-sources';
import { loadCardView, type CardView } from '../data/load-card-view';
import { moveToNextStage } from '../data/move-to-next-stage';
import { saveStation } from '../form/save-station';
import { createStationForm } from '../form/station-form';
import { localizeWith, type Localize } from '../i18n/localize';
import { fieldsOfFailures } from '../model/failure-fields';
import { neededMarks, type NeededMark } from '../model/needed-marks';
import { missingForStage, nextStage } from '../model/rules-runtime';
import { checklistHint, readyBlock, reasonsList } from '../ui/missing-view';
import { startPage } from '../ui/start-page';
import { h } from '../ui/h';

/** Reasons only the server can judge (who moves, from where): kept from its answer. */
const SERVER_ONLY: readonly FailureCode[] = ['role_not_allowed', 'source_not_allowed', 'backward_forbidden', 'exit_not_allowed'];

const isServerOnly = (failure: Failure) => SERVER_ONLY.includes(failure.code);
const leadKey = (failures: Failure[]) => (failures.some(isServerOnly) ? 'popup-lead-refused' : 'popup-lead');

const sources = createBoardSources({ pageUrl: window.location.href });
let form: { isDirty(): boolean } | undefined;
let serverOnly: Failure[] | undefined;

startPage(async (t, root) => {
  if (form?.isDirty()) return;
  serverOnly ??= (t.arg<Failure[] | undefined>('failures') ?? []).filter(isServerOnly);
  const view = await loadCardView(t, sources);
  draw(t, root, view, localizeWith(t, view.locale));
});

function draw(t: IFrame, root: HTMLElement, view: CardView, localize: Localize): void {
  const next = t.arg<string | undefined>('next') ?? nextStage(view.config, view.listName)?.list;
  if (!next) {
    return void root.replaceChildren(h('p', { class: 'gk-notice', text: localize.text('alert-no-next-stage', { stage: view.listName }) }));
  }
  const failures = [...(serverOnly ?? []), ...missingForStage(view.config, next, view.card)];
  const canWrite = t.memberCanWriteToModel('card');
  const keys = fieldsOfFailures(failures).filter((key) => view.config.fields.some((f) => f.key === key));
  const redraw = (station: Record<string, unknown>) => draw(t, root, { ...view, card: { ...view.card, station } }, localize);
  const move = async (button: HTMLButtonElement) => {
    button.disabled = true;
    const outcome = await moveToNextStage(t, sources, localize, view.cardId);
    if (outcome.kind === 'refused') {
      serverOnly = outcome.failures.filter(isServerOnly);
      return redraw(view.card.station);
    }
    await t.alert({ message: outcome.alert, display: outcome.kind === 'moved' ? 'success' : 'error', duration: 6 });
    if (outcome.kind === 'moved') await t.closePopup();
    else button.disabled = false;
  };
  const created =
    canWrite && keys.length > 0
      ? createStationForm({
          config: view.config, keys, grouped: false, stored: view.card.station, language: view.language, localize,
          marks: alternativesOnly(neededMarks(view.config, view.listName, view.card)),
          save: (check, shownKeys) => saveStation(t, localize, check, shownKeys),
          onSaved: redraw,
        })
      : undefined;
  form = created;
  root.replaceChildren(
    ...[
      failures.length === 0
        ? readyBlock({ next, canMove: canWrite, localize, onMove: (button) => void move(button) })
        : h('div', {}, [
            // «не хватает» fits missing data; a refusal for who moves the card reads «нельзя».
            h('p', { class: 'gk-lead', text: localize.text(leadKey(failures), { stage: next }) }),
            reasonsList(failures, view.language),
          ]),
      checklistHint(failures, localize),
      created?.el,
    ].filter((node): node is HTMLElement => node instanceof HTMLElement),
  );
}

/** The popup is all about the next stage: a mark on every field would only repeat its title. The
 * «или: E-mail» hint still helps, so marks that name alternatives stay. */
function alternativesOnly(marks: Record<string, NeededMark>): Record<string, NeededMark> {
  return Object.fromEntries(Object.entries(marks).filter(([, mark]) => mark.anyOf?.length));
}
