import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { NextStageAnswer } from '../../powerup/model/api-contract';
import { evaluate, nextStage, type Failure, type Move, type Stage } from '../../rules';
import type { CardEvent } from '../queue/card-event';
import { auditDecision, type Outcome } from '../stage/audit-decision';
import { toCardSnapshot } from '../stage/card-snapshot';
import { enterStage, type EnterStageDeps } from '../stage/enter-stage';
import type { PendingAdvances } from '../stage/pending-changes';
import type { AuditLog } from '../store/audit-log';
import { boardPeople, type BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCard, TrelloList, TrelloMember } from '../trello/schema';
import { ApiError } from './api-errors';
import { PowerUpAuthError } from './powerup-auth-error';
import type { TrelloJwtClaims } from './schema';

export type AdvanceDeps = EnterStageDeps & {
  trello: Pick<TrelloClient, 'getCard' | 'moveCard' | 'addChecklist' | 'addCheckItems'>;
  lookups: BoardLookups;
  audit: AuditLog;
  /** The move is marked before it is made, so the sweep can finish one whose process died. */
  advances: PendingAdvances;
  powerUpId: string;
  log: Logger;
  /** Called after a move, so the board's cached status does not show the card where it was. */
  boardChanged(boardId: string): void;
  /** Told of every move made, for the judged-moves metric (source `powerup`). */
  onAdvanced?(): void;
};

// The answers are the Power-Up's own type (a type-only import), so the two sides cannot drift apart.
/** 200: moved, or in the service's dry-run mode would have been. */
export type Advanced = Exclude<NextStageAnswer, { failures: Failure[] }>;
/** 409: refused with the reasons, or with only a message (no next stage, a move in progress). */
export type Refused = Extract<NextStageAnswer, { failures: Failure[] }> & { error: string; message: string };
export type AdvanceResult = { status: 200; body: Advanced } | { status: 409; body: Refused };

/**
 * «Следующий этап»: judges the move to the next stage as the member who clicked, exactly as the
 * worker would judge their drag, and makes it only when the gate is open. The service moves the
 * card with its own token, so the webhook echo is ignored (own action) and the bookkeeping a
 * judged move gets — stage history, checklist, owner's notice, audit — happens here.
 */
export async function advanceCard(cardId: string, claims: TrelloJwtClaims, deps: AdvanceDeps): Promise<AdvanceResult> {
  const card = await deps.trello.getCard(cardId);
  if (card.idBoard !== claims.idBoard) throw new PowerUpAuthError('wrong_board');
  const member = await deps.lookups.member(card.idBoard, claims.idMember);
  if (!member) throw new ApiError(403, 'not_a_member', 'only members of this board can move its cards');

  const next = nextStage(deps.config, card.list.name);
  if (!next) return refused(null, [], 'no_next_stage', `«${card.list.name}» has no next stage in the process`);
  const move: Move = { kind: 'move', fromList: card.list.name, toList: next.list, mover: member.username };
  const snapshot = toCardSnapshot(card, deps.powerUpId, deps.log);
  const decision = evaluate(deps.config, move, snapshot);
  if (decision.verdict === 'deny') {
    // Nothing is audited for a click the gate refuses: the member reads the reasons, whom to ask by
    // name (the board's members, cached; usernames when Trello cannot list them).
    const namesPeople = decision.failures.some((f) => f.code === 'role_not_allowed');
    const people = namesPeople ? await boardPeople(deps.lookups, card.idBoard, deps.log) : undefined;
    const named = people ? evaluate(deps.config, move, snapshot, people) : decision;
    const failures = named.verdict === 'deny' ? named.failures : decision.failures;
    return refused(next.list, failures, 'gate_closed', `the card cannot enter «${next.list}» yet`);
  }
  if (decision.verdict === 'ignore') return refused(next.list, [], 'no_next_stage', `the rules do not judge a move to «${next.list}»`);
  const list = await deps.lookups.list(card.idBoard, next.list);
  if (!list) return refused(next.list, [], 'list_missing', `the board has no open list named «${next.list}»`);
  return moveToStage(card, list, member, decision.stage, deps);
}

async function moveToStage(card: TrelloCard, list: TrelloList, member: TrelloMember, stage: Stage, deps: AdvanceDeps): Promise<AdvanceResult> {
  const event = powerUpEvent(card, list, member);
  const accepted: Outcome = { verdict: 'accepted', reason: 'forward', failures: [], revertedTo: null };
  if (deps.dryRun) {
    await auditDecision(deps.audit, event, accepted, { dryRun: true, rulesVersion: deps.rulesVersion });
    return { status: 200, body: { moved: false, dryRun: true, from: card.list.name, to: list.name } };
  }
  await deps.advances.begin(card.id, { event, stage: stage.list });
  await deps.trello.moveCard(card.id, list.id, 'top');
  deps.boardChanged(card.idBoard);
  await enterStage(event, { ...card, idList: list.id, list: { id: list.id, name: list.name } }, stage, deps);
  await auditDecision(deps.audit, event, accepted, { dryRun: false, rulesVersion: deps.rulesVersion });
  await deps.advances.finish(card.id, event.actionId);
  deps.onAdvanced?.();
  deps.log.info({ cardId: card.id, from: card.list.name, to: list.name, mover: member.username }, 'card moved to its next stage');
  return { status: 200, body: { moved: true, from: card.list.name, to: list.name } };
}

/** The move as the worker would have seen it; the action id marks it as the Power-Up's, not Trello's. */
function powerUpEvent(card: TrelloCard, list: TrelloList, member: TrelloMember): CardEvent {
  return {
    actionId: `powerup-${randomBytes(12).toString('hex')}`,
    kind: 'move',
    date: new Date().toISOString(),
    boardId: card.idBoard,
    cardId: card.id,
    cardName: card.name,
    fromList: card.list,
    toList: { id: list.id, name: list.name },
    mover: { id: member.id, username: member.username, fullName: member.fullName },
  };
}

export function refused(to: string | null, failures: Failure[], error: string, message: string): AdvanceResult {
  return { status: 409, body: { moved: false, to, failures, error, message } };
}
