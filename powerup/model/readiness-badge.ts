import type { FailureCode } from '../../rules';
import type { StageMovers } from './api-contract';
import { message } from '../i18n/message';
import type { BadgeModel } from './badge-model';
import type { Readiness } from './readiness';

const FIELD_CODES: readonly FailureCode[] = ['field_missing', 'field_invalid', 'field_not_true'];

/**
 * «Готово к «Подключение»» in green, or «К «Подключение»: 2 поля» in red. The count names what is
 * missing when it is all of one kind (fields, checklist items) and says «условия» when mixed. A
 * ready card whose next stage only some roles may enter tells a member who may not whom to ask:
 * «Готово — переместить может Ирина Директорова».
 */
export function readinessBadge(readiness: Readiness, movers: StageMovers = {}): BadgeModel | undefined {
  if (readiness.kind === 'no-next-stage') return undefined;
  const title = message('badge-readiness-title');
  if (readiness.kind === 'ready') {
    const gate = movers[readiness.next];
    const text = gate && !gate.allowed && gate.people.length > 0
      ? message('badge-ready-by', { stage: readiness.next, people: gate.people.join(', ') }, gate.people.length)
      : message('badge-ready', { stage: readiness.next });
    return { kind: 'readiness', title, text, color: 'green', next: readiness.next, failures: [] };
  }
  const { failures, next } = readiness;
  const count = failures.length;
  const unit = failures.every((f) => FIELD_CODES.includes(f.code))
    ? 'fields'
    : failures.every((f) => f.code === 'checklist_incomplete')
      ? 'items'
      : 'conditions';
  return {
    kind: 'readiness',
    title,
    text: message(`badge-missing-${unit}`, { stage: next, count }, count),
    color: 'red',
    next,
    failures,
  };
}
