import type { Router } from 'express';
import { boardSummary, calendarOf } from '../../rules';
import { apiRouter } from '../powerup-api/api-router';
import { boardReportData } from './board-report-cards';
import { parsePeriod } from './report-period';
import type { ReportDeps } from './report-deps';
import { viewerOf } from './report-viewer';

/**
 * `GET /api/boards/:boardId/summary?from&to`: the director's «Сводка» for a period (default the
 * last 90 days). One Trello call per board per 20 s however many ask, one Redis pipeline per store.
 */
export function summaryRoute(deps: ReportDeps): Router {
  const router = apiRouter();
  router.get('/boards/:boardId/summary', async (req, res) => {
    const now = new Date(deps.now());
    const period = parsePeriod(req.query, calendarOf(deps.config).timeZone, now);
    const viewer = await viewerOf(res, deps, req.params.boardId);
    const [data, decisions] = await Promise.all([
      boardReportData(deps, viewer.boardId),
      deps.audit.between(period.from, period.to),
    ]);
    const summary = boardSummary({
      config: deps.config,
      cards: data.cards,
      decisions: decisions.filter((entry) => entry.boardId === viewer.boardId),
      people: data.people,
      viewer: viewer.rights,
      period,
      now,
    });
    // Time in stage changes by the minute: the Power-Up asks again rather than trusting a copy.
    res.set('Cache-Control', 'private, no-cache').json(summary);
  });
  return router;
}
