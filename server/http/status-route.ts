import { Router } from 'express';
import type { RedisDurability } from '../queue/redis-durability';
import type { SweepReport } from '../reconcile/sweep-report';

export type ServiceStatusSources = {
  role: string;
  watchedBoards(): Promise<string[]>;
  lastValidDeliveries(): Promise<Map<string, Date>>;
  signatureFailures(): number;
  redisDurability(): RedisDurability;
  lastSweep(): Promise<SweepReport | null>;
  /** Entries in each dead-letter stream: jobs and notifications given up on. */
  deadLetters(): Promise<Record<string, number>>;
};

/**
 * `GET /status`: whether enforcement is really running, in one read for an operator — per board,
 * when Trello last delivered a valid webhook and what the last sweep found; signature failures
 * since start; Redis persistence; what was given up on. No secrets: board ids, times and counts.
 */
export function statusRoute(sources: ServiceStatusSources): Router {
  const router = Router();
  router.get('/status', async (_req, res) => {
    const [boards, deliveries, sweep, deadLetters] = await Promise.all([
      sources.watchedBoards(), sources.lastValidDeliveries(), sources.lastSweep(), sources.deadLetters(),
    ]);
    const { persistent, aof, rdb, evictionPolicy, problems } = sources.redisDurability();
    res.json({
      role: sources.role,
      boards: boards.map((boardId) => ({
        boardId,
        lastValidDelivery: deliveries.get(boardId)?.toISOString() ?? null,
        webhook: sweep?.webhooks.find((w) => w.boardId === boardId) ?? null,
        lastSweep: sweep?.boards.find((b) => b.boardId === boardId) ?? null,
      })),
      lastSweepAt: sweep?.at ?? null,
      signatureFailuresSinceStart: sources.signatureFailures(),
      redis: { persistent, aof, rdb, evictionPolicy, problems },
      deadLetters,
    });
  });
  return router;
}
