import { evaluate, findStage, type Decision, type Failure, type Move, type People } from '../../rules';
import type { CardEvent } from '../queue/card-event';
import type { StageVisit } from '../store/stage-history';
import { boardPeople } from '../trello/board-lookups';
import type { TrelloCard } from '../trello/schema';
import { auditDecision, type Outcome } from '../stage/audit-decision';
import { toCardSnapshot } from '../stage/card-snapshot';
import { enterStage } from '../stage/enter-stage';
import type { PendingRevert } from '../stage/pending-changes';
import type { JudgeDeps } from './judge-deps';
import { beginRevert, finishRevert } from './revert-card';

/**
 * Judges one card arriving in a list and acts on the board; every outcome is audited once. Safe to
 * run again after a crash at any point: a revert in progress is finished from its mark, and the
 * audit entry, written last, is what makes a further run a duplicate.
 */
export async function judgeCardEvent(event: CardEvent, deps: JudgeDeps): Promise<Outcome> {
  if (await deps.judged.has(event.actionId)) {
    // Killed after the audit entry but before the revert's mark was cleared: clear it now.
    await deps.reverts.finish(event.cardId, event.actionId);
    deps.log.info({ verdict: 'ignored', reason: 'duplicate-delivery' }, 'card event already judged');
    return ignored('duplicate-delivery');
  }
  const outcome = await decide(event, deps);
  await auditDecision(deps.audit, event, outcome, deps);
  // Whatever became of a revert this action began (done, or moot), its mark goes with the audit entry.
  await deps.reverts.finish(event.cardId, event.actionId);
  const { verdict, reason } = outcome;
  deps.log.info({ verdict, reason, dryRun: deps.dryRun, detectedBy: event.detectedBy }, 'card event judged');
  return outcome;
}

async function decide(event: CardEvent, deps: JudgeDeps): Promise<Outcome> {
  // The service's own moves keep the board as judged; but a card the sweep finds out of place was
  // put there by nobody the rules allow, even when the service's stale revert did it.
  if (event.mover.id === deps.botMemberId && !event.detectedBy) return ignored('own-action');
  const [pending, visits] = await Promise.all([deps.reverts.get(event.cardId), deps.history.all(event.cardId)]);
  const visit = visits.at(-1) ?? null;
  if (pending?.event.actionId === event.actionId) return finishRevert(pending, await deps.trello.getCard(event.cardId), visit, deps);
  const entered = visits.findIndex((v) => v.actionId === event.actionId);
  if (entered >= 0) return finishAcceptance(event, entered === visits.length - 1 ? visits[entered]! : null, deps);

  // From here on this move acts on the board: anything older of this card is overtaken, even if
  // this job fails half-way and waits out a back-off while those are retried.
  if (overtaken(event, await deps.judged.claim(event.cardId, event.date))) return ignored('superseded');
  const card = await deps.trello.getCard(event.cardId);
  const move: Move = { kind: event.kind, fromList: judgedFrom(event, visit), toList: event.toList.name, mover: event.mover.username };
  const snapshot = toCardSnapshot(card, deps.powerUpId, deps.log);
  const decision = evaluate(deps.config, move, snapshot);
  switch (decision.verdict) {
    case 'ignore':
      return ignored(decision.reason);
    case 'allow':
      await enterStage(event, card, decision.stage, deps);
      return { verdict: 'accepted', reason: decision.direction, failures: [], revertedTo: null };
    case 'deny':
      return deny(event, card, decision, visit, deps, (people) => evaluate(deps.config, move, snapshot, people));
  }
}

/**
 * A run of this job already recorded the stage entry, then died or failed before its audit entry:
 * the move was accepted, and what followed the entry (clock, checklist, owner's notice, all
 * idempotent) is done again — unless a later move was accepted since, which speaks for the card now.
 */
async function finishAcceptance(event: CardEvent, current: StageVisit | null, deps: JudgeDeps): Promise<Outcome> {
  const stage = current ? findStage(deps.config, current.stage) : undefined;
  if (stage) await enterStage(event, await deps.trello.getCard(event.cardId), stage, deps);
  return { verdict: 'accepted', reason: 'resumed', failures: [], revertedTo: null };
}

/**
 * A delivery that failed and waited out its back-off while a later move of the same card was
 * acted on (`newerClaimed`): judging it now would act on a board it no longer describes (move a
 * card back over a later decision, record a stage entry the card has left). The later judgement,
 * made from the last accepted stage, covered its gates too. Moves the sweep found describe the
 * board as it is now, so they are never overtaken.
 */
function overtaken(event: CardEvent, newerClaimed: boolean): boolean {
  return newerClaimed && !event.detectedBy;
}

/**
 * Where the move is judged from: the last stage the card was accepted in. Trello's `listBefore`
 * may be a list the card was just refused from (two quick drags), and judging from there would
 * skip that list's own gate; it stands in only for a card with no recorded history.
 */
function judgedFrom(event: CardEvent, visit: StageVisit | null): string | null {
  if (event.kind === 'create') return null;
  return visit?.stage ?? event.fromList?.name ?? null;
}

async function deny(
  event: CardEvent,
  card: TrelloCard,
  decision: Extract<Decision, { verdict: 'deny' }>,
  visit: StageVisit | null,
  deps: JudgeDeps,
  judgeNaming: (people: People) => Decision,
): Promise<Outcome> {
  const failures = decision.failures;
  // Someone (or a later event) already moved the card on: moving it now would undo their move.
  if (card.idList !== event.toList.id) return { ...ignored('card-moved-on'), failures };
  const refusal = { attemptedStage: decision.stage.list, failures };
  // The names only serve the comment, so they are read after the move back: a cold cache under a
  // Trello storm (two tries of 5 s) delays the explanation, never the card's return.
  const explain = namesPeople(failures) ? () => namedReasons(event, deps, judgeNaming) : undefined;
  return beginRevert(event, card, refusal, visit, deps, explain);
}

/** A refusal that says who may move the card: its comment names those people. */
function namesPeople(failures: readonly Failure[]): boolean {
  return failures.some((f) => f.code === 'role_not_allowed');
}

/**
 * The refusal's reasons as the mover reads them, for one that says who may move the card: those
 * people by full name, from the board's members (cached). Undefined when Trello could not list the
 * members: the comment then says the failures' own words (usernames).
 * The audit keeps those words either way, so a reason stays one line in the reports whoever the
 * board names.
 */
async function namedReasons(
  event: CardEvent,
  deps: JudgeDeps,
  judgeNaming: (people: People) => Decision,
): Promise<PendingRevert['reasons']> {
  const people = await boardPeople(deps.lookups, event.boardId, deps.log);
  const named = people ? judgeNaming(people) : undefined;
  return named?.verdict === 'deny' ? named.failures.map(({ ru, en }) => ({ ru, en })) : undefined;
}

function ignored(reason: string): Outcome {
  return { verdict: 'ignored', reason, failures: [], revertedTo: null };
}
