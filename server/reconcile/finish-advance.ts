import { findStage } from '../../rules';
import { auditDecision } from '../stage/audit-decision';
import { enterStage, type EnterStageDeps } from '../stage/enter-stage';
import type { PendingAdvance, PendingAdvances } from '../stage/pending-changes';
import type { AuditLog } from '../store/audit-log';
import type { TrelloClient } from '../trello/create-trello-client';

export type FinishAdvanceDeps = EnterStageDeps & {
  trello: Pick<TrelloClient, 'getCard'> & EnterStageDeps['trello'];
  audit: AuditLog;
  advances: PendingAdvances;
};

/**
 * Finishes a «Следующий этап» move whose API process died after moving the card: the card is
 * where the button put it, so the stage is entered (history, clock, checklist, owner's notice)
 * and the move audited, exactly as the API would have. A move that never reached Trello is
 * dropped. True when the move was finished.
 */
export async function finishAdvance(pending: PendingAdvance, deps: FinishAdvanceDeps): Promise<boolean> {
  const { event } = pending;
  const card = await deps.trello.getCard(event.cardId);
  const stage = findStage(deps.config, pending.stage);
  const moved = card.idList === event.toList.id && stage !== undefined;
  if (moved) {
    await enterStage(event, card, stage, deps);
    await auditDecision(deps.audit, event, { verdict: 'accepted', reason: 'forward', failures: [], revertedTo: null }, deps);
    deps.log.warn({ cardId: event.cardId, to: event.toList.name, mover: event.mover.username }, 'reconciliation: finished an interrupted «Следующий этап» move');
  }
  await deps.advances.finish(event.cardId, event.actionId);
  return moved;
}
