import type { Logger } from 'pino';
import type { LastSweep } from './last-sweep';
import type { SweepReport } from './sweep-report';
import { checkWebhooks, type WebhookCheckDeps } from './check-webhooks';
import { reconcileBoard, type BoardReconcileDeps } from './reconcile-board';

export type Reconciler = { sweep(): Promise<SweepReport> };

/**
 * The reconciliation sweep over every watched board: webhooks first (a restored webhook means
 * moves went unreported), then each board's cards against their history. A board that fails is
 * reported and the others are still swept.
 */
export function createReconciler(deps: WebhookCheckDeps & BoardReconcileDeps & { lastSweep: Pick<LastSweep, 'record'>; log: Logger }): Reconciler {
  return {
    async sweep() {
      const started = Date.now();
      const webhooks = await checkWebhooks(deps);
      const boards: SweepReport['boards'] = [];
      for (const { boardId } of webhooks) {
        try {
          boards.push(await reconcileBoard(boardId, deps));
        } catch (err) {
          deps.log.error({ err, boardId }, 'reconciliation of the board failed; the next sweep tries again');
          boards.push({ boardId, error: (err as Error).message });
        }
      }
      const report = { at: new Date(started).toISOString(), durationMs: Date.now() - started, webhooks, boards };
      const repaired = boards.some((b) => 'queued' in b && b.queued + b.revertsResumed + b.advancesFinished > 0);
      deps.log[repaired ? 'warn' : 'info']({ report }, 'reconciliation sweep done');
      await deps.lastSweep.record(report);
      return report;
    },
  };
}
