import type { Router } from 'express';
import { z } from 'zod';
import { sameName, sameUsername, toDecisionRecord, type DecisionRecord, type DecisionsPage } from '../../rules';
import { parseRequest } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import { STREAM_ID, type AuditRecord } from '../store/audit-log';
import { peopleOf } from '../trello/board-lookups';
import type { ReportDeps } from './report-deps';
import { requireViewer, viewerOf } from './report-viewer';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
// The log is shared by every board and filters may match rarely: one request reads at most this
// many entries, then hands back a cursor to go on from, so no request walks 200 000 entries.
const SCAN_LIMIT = 10_000;
const SCAN_BATCH = 500;

const DecisionsQuery = z.strictObject({
  verdict: z.enum(['accepted', 'reverted', 'ignored']).optional(),
  stage: z.string().trim().min(1).max(200).optional(),
  member: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().regex(STREAM_ID, 'a cursor is the id of a decision, as nextCursor gave it').optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
});
type DecisionsQuery = z.infer<typeof DecisionsQuery>;

/**
 * `GET /api/boards/:boardId/decisions?verdict&stage&member&cursor&limit`: the board's decisions,
 * newest first, `limit` at a time; `nextCursor` (exclusive) gives the next page, null at the end.
 * `stage` matches the stage moved into; `member` (a username, the mover) is for viewers only.
 */
export function decisionsRoute(deps: ReportDeps): Router {
  const router = apiRouter();
  router.get('/boards/:boardId/decisions', async (req, res) => {
    const query = parseRequest(DecisionsQuery, req.query, 'bad_query', 'query');
    const viewer = await viewerOf(res, deps, req.params.boardId);
    if (query.member !== undefined) requireViewer(viewer, deps, 'filtering decisions by member');
    const people = peopleOf(await deps.lookups.members(viewer.boardId));
    const matches = (entry: AuditRecord) => entry.boardId === viewer.boardId
      && (query.verdict === undefined || entry.verdict === query.verdict)
      && (query.stage === undefined || sameName(entry.to.name, query.stage))
      && (query.member === undefined || sameUsername(entry.mover, query.member));
    const page = await scan(deps, query, matches);
    const body: DecisionsPage = {
      decisions: page.found.map((entry): DecisionRecord => toDecisionRecord(entry, people)),
      nextCursor: page.nextCursor,
    };
    res.set('Cache-Control', 'private, no-cache').json(body);
  });
  return router;
}


/** Reads back from the cursor until a page is full (one more tells whether there is a next page). */
async function scan(deps: ReportDeps, query: DecisionsQuery, matches: (entry: AuditRecord) => boolean) {
  const found: AuditRecord[] = [];
  let before = query.cursor ?? null;
  for (let read = 0; read < SCAN_LIMIT;) {
    const batch = await deps.audit.olderThan(before, SCAN_BATCH);
    for (const entry of batch) {
      if (!matches(entry)) continue;
      if (found.length === query.limit) return { found, nextCursor: found.at(-1)!.id };
      found.push(entry);
    }
    if (batch.length < SCAN_BATCH) return { found, nextCursor: null };
    read += batch.length;
    before = batch.at(-1)!.id;
  }
  // Read enough for one request without filling the page: the caller goes on from here.
  return { found, nextCursor: before };
}
