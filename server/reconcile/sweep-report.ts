import type { WebhookHealth } from './check-webhooks';
import type { BoardReconcileReport } from './reconcile-board';

/** What one reconciliation sweep checked and repaired; the sweep returns it and the status endpoint shows the newest. */
export type SweepReport = {
  at: string;
  durationMs: number;
  webhooks: WebhookHealth[];
  boards: Array<BoardReconcileReport | { boardId: string; error: string }>;
};
