import type { Language } from '../config/process-config';
import type {
  DeadlineChange, DeadlineChangeKind, PreviewCard, ReadinessChange, ReplayChange, RoutingChange, RulesPreview, UnmetGate,
} from './preview-types';

type Words = {
  heading(p: RulesPreview): string;
  readiness: string;
  unmet: string;
  deadlines: string;
  routing: string;
  replay(p: RulesPreview): string;
  nothing: string;
  readinessLine(c: ReadinessChange): string;
  unmetLine(c: UnmetGate): string;
  deadline: Record<DeadlineChangeKind, string>;
  deadlineLine(c: DeadlineChange, what: string): string;
  routingLine(c: RoutingChange): string;
  replayLine(c: ReplayChange): string;
};

const card = (c: Pick<PreviewCard, 'cardName'>) => `«${c.cardName}»`;
/** The stage a routing change is about; none for the notices no stage decides (a refusal, a restored webhook). */
const about = (c: RoutingChange, stage: (name: string) => string, everyStage: string) => {
  if (c.stage) return ` (${stage(c.stage)})`;
  return c.kind === 'move-reverted' || c.kind === 'webhook-restored' ? '' : ` (${everyStage})`;
};
const reasons = (list: readonly string[]) => (list.length ? `: ${list.join('; ')}` : '');
/** «2026-11-28 09:00 UTC»: the answer's instants are UTC; the text says so rather than guess a zone. */
const time = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—');

const RU: Words = {
  heading: (p) => `Черновик правил против действующей версии ${p.activeVersion} — доска сейчас (карточек: ${p.cards}), ${time(p.generatedAt)}`,
  readiness: 'Готовность к следующему этапу:',
  unmet: 'Карточки, которые уже стоят в этапе, но не выполнили бы его условия (их никто не перемещает):',
  deadlines: 'Сроки:',
  routing: 'Уведомления:',
  replay: (p) => `Перемещения за последние ${p.replay.days} дн., проверенные заново (${p.replay.judged}):`,
  nothing: '  ничего не меняется',
  readinessLine: (c) =>
    `${card(c)} в «${c.stage}» → «${c.nextStage}»: ${c.change === 'newly-blocked' ? 'больше не готова' : 'станет готова'}${reasons(c.reasons)}`,
  unmetLine: (c) => `${card(c)} в «${c.stage}»${reasons(c.reasons)}`,
  deadline: {
    'becomes-overdue': 'станет просроченной',
    'stops-overdue': 'перестанет быть просроченной',
    'limit-added': 'появится срок',
    'limit-removed': 'срок исчезнет',
    'deadline-moved': 'срок сдвинется',
    'reminder-due': 'контролёру сразу уйдёт эскалация',
  },
  deadlineLine: (c, what) => `${card(c)} в «${c.stage}»: ${what} (срок сейчас ${time(c.activeDeadline)}, по черновику ${time(c.draftDeadline)})`,
  routingLine: (c) =>
    `${c.recipient} ${c.change === 'starts' ? 'начнёт' : 'перестанет'} получать ${c.kind}${about(c, (name) => `этап «${name}»`, 'все этапы')}, канал ${c.channel}`,
  replayLine: (c) =>
    `${card(c)} «${c.from || '—'}» → «${c.to}» (${c.mover ? `@${c.mover}` : 'кто — неизвестно'}, ${time(c.at)}): ` +
    `${c.draft === 'accepted' ? 'было возвращено, по черновику было бы принято' : 'было принято, по черновику было бы возвращено'}${reasons(c.reasons)}`,
};

const EN: Words = {
  heading: (p) => `Draft rules against active version ${p.activeVersion}: the board now, ${p.cards} cards, ${time(p.generatedAt)}`,
  readiness: 'Readiness for the next stage:',
  unmet: 'Cards already in a stage whose conditions they would not meet (nothing moves them):',
  deadlines: 'Time limits:',
  routing: 'Notifications:',
  replay: (p) => `Moves of the last ${p.replay.days} days judged again (${p.replay.judged} replayed):`,
  nothing: '  no change',
  readinessLine: (c) =>
    `${card(c)} in "${c.stage}" → "${c.nextStage}": ${c.change === 'newly-blocked' ? 'becomes blocked' : 'becomes ready'}${reasons(c.reasons)}`,
  unmetLine: (c) => `${card(c)} in "${c.stage}"${reasons(c.reasons)}`,
  deadline: {
    'becomes-overdue': 'becomes overdue',
    'stops-overdue': 'is no longer overdue',
    'limit-added': 'gets a time limit',
    'limit-removed': 'loses its time limit',
    'deadline-moved': 'deadline moves',
    'reminder-due': 'the controller is told at once',
  },
  deadlineLine: (c, what) => `${card(c)} in "${c.stage}": ${what} (due ${time(c.activeDeadline)} now, ${time(c.draftDeadline)} under the draft)`,
  routingLine: (c) =>
    `${c.recipient} ${c.change === 'starts' ? 'starts' : 'stops'} receiving ${c.kind}${about(c, (name) => `stage "${name}"`, 'every stage')} on ${c.channel}`,
  replayLine: (c) =>
    `${card(c)} "${c.from || '—'}" → "${c.to}" (${c.mover ? `@${c.mover}` : 'mover unknown'}, ${time(c.at)}): ` +
    `${c.draft === 'accepted' ? 'was reverted, would be accepted' : 'was accepted, would be reverted'}${reasons(c.reasons)}`,
};

/**
 * The dry run as plain lines, for the CLI and notes: a heading, then each part with one line per
 * change (or "no change"). Russian or English, whatever the language of the texts inside.
 */
export function describePreview(preview: RulesPreview, language: Language): string[] {
  const w = language === 'en' ? EN : RU;
  const section = <T>(title: string, items: readonly T[], line: (item: T) => string) => [
    title,
    ...(items.length ? items.map((item) => `  • ${line(item)}`) : [w.nothing]),
  ];
  return [
    w.heading(preview),
    ...section(w.readiness, preview.readiness, w.readinessLine),
    ...section(w.unmet, preview.unmetGates, w.unmetLine),
    ...section(w.deadlines, preview.deadlines, (c) => w.deadlineLine(c, w.deadline[c.change])),
    ...section(w.routing, preview.routing, w.routingLine),
    ...section(w.replay(preview), preview.replay.changes, w.replayLine),
  ];
}
