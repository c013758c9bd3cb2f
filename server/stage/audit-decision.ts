import type { CardEvent } from '../queue/card-event';
import type { AuditEntry, AuditLog } from '../store/audit-log';

/** What was decided about one card event; the rest of the audit entry comes from the event. */
export type Outcome = Pick<AuditEntry, 'verdict' | 'reason' | 'failures' | 'revertedTo'>;

/**
 * One audit entry per decision, whoever made it: the worker judging a webhook, or the Power-Up's
 * «Следующий этап» moving a card itself (its echo is then ignored as the service's own action).
 */
export async function auditDecision(
  audit: AuditLog,
  event: CardEvent,
  outcome: Outcome,
  judged: { dryRun: boolean; rulesVersion: number },
): Promise<void> {
  await audit.append({
    at: new Date().toISOString(),
    actionId: event.actionId,
    boardId: event.boardId,
    cardId: event.cardId,
    cardName: event.cardName,
    mover: event.mover.username,
    from: event.fromList,
    to: event.toList,
    dryRun: judged.dryRun,
    rulesVersion: judged.rulesVersion,
    movedAt: event.date,
    ...(event.detectedBy ? { detectedBy: event.detectedBy } : {}),
    ...outcome,
  });
}
