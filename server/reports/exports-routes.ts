import type { Response, Router } from 'express';
import { completedOnboardings } from '../../rules';
import { apiRouter } from '../powerup-api/api-router';
import { boardReportData } from './board-report-cards';
import { clientRegistry } from './client-registry';
import { attachment, csvFile, type Cell } from './csv';
import { onboardingsTable } from './onboardings-export';
import type { ReportDeps } from './report-deps';
import { requireViewer, viewerOf } from './report-viewer';

/**
 * The director's downloads, for the rules' `reports.viewers` only: the client registry and the
 * completed onboardings, as CSV files that Excel and LibreOffice with Russian settings open as they
 * are. The Power-Up fetches them with its token in the Authorization header, like every /api call,
 * and hands the file to the browser itself.
 */
export function exportsRoutes(deps: ReportDeps): Router {
  const router = apiRouter();

  router.get('/boards/:boardId/exports/clients.csv', async (req, res) => {
    const viewer = await viewerOf(res, deps, req.params.boardId);
    requireViewer(viewer, deps, 'the client registry');
    // Station data only here, and fresh: a download is rare, and the cached cards carry no pluginData.
    const [cards, lists] = await Promise.all([
      deps.trello.getBoardCards(viewer.boardId, { pluginData: true }),
      deps.lookups.lists(viewer.boardId),
    ]);
    const table = clientRegistry({ config: deps.config, cards, lists, powerUpId: deps.powerUpId, log: deps.log });
    sendCsv(res, 'clients.csv', table);
  });

  router.get('/boards/:boardId/exports/onboardings.csv', async (req, res) => {
    const viewer = await viewerOf(res, deps, req.params.boardId);
    requireViewer(viewer, deps, 'the onboardings export');
    const { cards } = await boardReportData(deps, viewer.boardId);
    sendCsv(res, 'onboardings.csv', onboardingsTable(deps.config, completedOnboardings(deps.config, cards)));
  });

  return router;
}

function sendCsv(res: Response, filename: string, table: { header: string[]; rows: Cell[][] }): void {
  res
    .set('Content-Type', 'text/csv; charset=utf-8')
    .set('Content-Disposition', attachment(filename))
    .set('Cache-Control', 'private, no-store')
    .send(csvFile(table.header, table.rows));
}
