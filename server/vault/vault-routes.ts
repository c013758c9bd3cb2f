import { randomUUID } from 'node:crypto';
import express, { type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RevealAnswer, VaultAccessAnswer, VaultAnswer, VaultEntryView } from '../../powerup/model/api-contract';
import { roleLabel, vaultRights, vaultRoles, VaultEntryChange, VaultEntryFields, type Person, type ProcessConfig, type VaultAction, type VaultRight } from '../../rules';
import { ApiError, parseRequest } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import { cardOnBoard } from '../reports/card-history-route';
import type { ReportDeps } from '../reports/report-deps';
import { viewerOf, type Viewer } from '../reports/report-viewer';
import type { TrelloMember } from '../trello/schema';
import { AccessLogUnavailableError, type AccessLog, type LoggedAccess } from './access-log';
import type { VaultEntry, VaultStore } from './vault-store';

export type VaultDeps = Pick<ReportDeps, 'config' | 'lookups' | 'boardCards' | 'trello'> & {
  store: VaultStore;
  accessLog: AccessLog;
  log: Logger;
};

const RevealBody = z.object({ purpose: z.enum(['reveal', 'copy']).default('reveal') }).prefault({});
const AccessQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+-\d+$/, 'a cursor from a previous answer').optional(),
});

// Answers carrying credentials are not kept by any cache, the browser's included.
const NO_STORE = 'no-store';

/**
 * «Доступы» under /api: a card's entries (the secret only by reveal), changes to them, and the
 * access log. Rights come from the rules' `vault:` section and are checked here, from the token's
 * member; every look at a secret and every change is logged first, and is not done if it cannot be.
 */
export function vaultRoutes(deps: VaultDeps): Router {
  const router = apiRouter();
  router.use('/cards/:cardId/vault', express.json({ limit: '16kb' }));

  router.get('/cards/:cardId/vault', async (req, res) => {
    const viewer = await vaultViewer(deps, res, req.params.cardId);
    res.set('Cache-Control', NO_STORE).json(await answer(deps, viewer, req.params.cardId));
  });

  router.post('/cards/:cardId/vault/entries', async (req, res) => {
    const viewer = await vaultViewer(deps, res, req.params.cardId, 'edit');
    const fields = entryFields(req.body);
    const entryId = randomUUID();
    await logAccess(deps, viewer, req.params.cardId, 'create', entryId);
    await deps.store.add(req.params.cardId, fields, viewer.member.id, entryId);
    res.status(201).set('Cache-Control', NO_STORE).json(await answer(deps, viewer, req.params.cardId));
  });

  router.put('/cards/:cardId/vault/entries/:entryId', async (req, res) => {
    const { cardId, entryId } = req.params;
    const viewer = await vaultViewer(deps, res, cardId, 'edit');
    const change = parseRequest(VaultEntryChange, req.body, 'invalid_entry', 'body');
    await existing(deps, cardId, entryId);
    await logAccess(deps, viewer, cardId, 'update', entryId);
    if (!(await deps.store.update(cardId, entryId, change, viewer.member.id))) throw noEntry(cardId, entryId);
    res.set('Cache-Control', NO_STORE).json(await answer(deps, viewer, cardId));
  });

  router.delete('/cards/:cardId/vault/entries/:entryId', async (req, res) => {
    const { cardId, entryId } = req.params;
    const viewer = await vaultViewer(deps, res, cardId, 'edit');
    await existing(deps, cardId, entryId);
    await logAccess(deps, viewer, cardId, 'delete', entryId);
    await deps.store.remove(cardId, entryId);
    res.set('Cache-Control', NO_STORE).json(await answer(deps, viewer, cardId));
  });

  router.post('/cards/:cardId/vault/entries/:entryId/reveal', async (req, res) => {
    const { cardId, entryId } = req.params;
    const viewer = await vaultViewer(deps, res, cardId, 'view');
    const { purpose } = parseRequest(RevealBody, req.body ?? {}, 'bad_body', 'body');
    const entry = await existing(deps, cardId, entryId);
    // The log line is written before the secret leaves: if it cannot be, the secret does not.
    await logAccess(deps, viewer, cardId, purpose, entryId);
    const body: RevealAnswer = { secret: entry.secret };
    res.set('Cache-Control', NO_STORE).json(body);
  });

  router.get('/cards/:cardId/vault/access', async (req, res) => {
    const viewer = await vaultViewer(deps, res, req.params.cardId, 'audit');
    const query = parseRequest(AccessQuery, req.query, 'bad_query', 'query');
    const rows = await deps.accessLog.ofCard(req.params.cardId, { limit: query.limit, before: query.cursor });
    res.set('Cache-Control', NO_STORE).json(await accessAnswer(deps, viewer, rows, query.limit));
  });

  router.get('/boards/:boardId/vault/access', async (req, res) => {
    requireVault(deps.config);
    const viewer = await viewerOf(res, deps, req.params.boardId);
    requireRight(deps.config, viewer, 'audit');
    const query = parseRequest(AccessQuery, req.query, 'bad_query', 'query');
    const rows = await deps.accessLog.ofBoard(viewer.boardId, { limit: query.limit, before: query.cursor });
    res.set('Cache-Control', NO_STORE).json(await accessAnswer(deps, viewer, rows, query.limit));
  });

  return router;
}

/** The member asking, checked to hold `right` (when one is named) and the card to be on their board. */
export async function vaultViewer(deps: VaultDeps, res: Response, cardId: string, right?: VaultRight): Promise<Viewer> {
  requireVault(deps.config);
  const viewer = await viewerOf(res, deps);
  if (right) requireRight(deps.config, viewer, right);
  await cardOnBoard(deps, cardId, viewer.boardId);
  return viewer;
}

function requireVault(config: ProcessConfig): void {
  if (!config.vault) throw new ApiError(404, 'vault_disabled', 'the rules keep no station credentials (no `vault:` section)');
}

const RIGHT_WORDS: Record<VaultRight, string> = {
  view: 'reveal or copy a secret',
  edit: 'add, change or delete an entry',
  share: 'send credentials to the client',
  audit: 'read the access log',
};

function requireRight(config: ProcessConfig, viewer: Viewer, right: VaultRight): void {
  if (vaultRights(config, viewer.member.username)[right]) return;
  const roles = vaultRoles(config, right).map((role) => roleLabel(config, role, 'en'));
  throw new ApiError(403, 'vault_forbidden', `only ${roles.join(', ')} may ${RIGHT_WORDS[right]}; @${viewer.member.username} holds none of those roles`);
}

function entryFields(body: unknown): VaultEntryFields {
  return parseRequest(VaultEntryFields, body, 'invalid_entry', 'body');
}

async function existing(deps: VaultDeps, cardId: string, entryId: string): Promise<VaultEntry> {
  const entry = await deps.store.get(cardId, entryId);
  if (!entry) throw noEntry(cardId, entryId);
  return entry;
}

const noEntry = (cardId: string, entryId: string) => new ApiError(404, 'no_such_entry', `card ${cardId} has no credential ${entryId} (deleted meanwhile?)`);

/** Writes the access first; when it cannot be written, a 503 and nothing done. `what` names an entry or a share. */
export async function logAccess(
  deps: VaultDeps,
  viewer: Viewer,
  cardId: string,
  action: VaultAction,
  what: string | { entryIds: string[]; recipient?: string; expiresAt: string },
): Promise<void> {
  const about = typeof what === 'string' ? { entryId: what } : what;
  try {
    await deps.accessLog.record({ action, boardId: viewer.boardId, cardId, ...about, memberId: viewer.member.id, username: viewer.member.username });
  } catch (err) {
    if (!(err instanceof AccessLogUnavailableError)) throw err;
    deps.log.error({ err, cardId, action }, 'vault access refused: the access log cannot be written');
    throw new ApiError(503, 'access_log_unavailable', 'the access log cannot be written right now, so nothing was shown or changed; try again shortly');
  }
}

async function answer(deps: VaultDeps, viewer: Viewer, cardId: string): Promise<VaultAnswer> {
  const rights = vaultRights(deps.config, viewer.member.username);
  const [entries, members] = await Promise.all([deps.store.list(cardId), deps.lookups.members(viewer.boardId)]);
  const byId = personById(members);
  return {
    rights,
    entries: entries.map((entry): VaultEntryView => {
      const seen: VaultEntryView = { id: entry.id, label: entry.label, updatedAt: entry.updatedAt, updatedBy: byId(entry.updatedBy) };
      return rights.view ? { ...seen, login: entry.login, url: entry.url, note: entry.note } : seen;
    }),
    holders: { view: holdersOf(deps.config, 'view', members), edit: holdersOf(deps.config, 'edit', members) },
  };
}

async function accessAnswer(deps: VaultDeps, viewer: Viewer, rows: LoggedAccess[], limit: number): Promise<VaultAccessAnswer> {
  const members = await deps.lookups.members(viewer.boardId);
  const byId = personById(members);
  // Labels are encrypted with their entries: each card's vault is read once to name its entries.
  const labels = new Map<string, Map<string, string>>();
  for (const cardId of new Set(rows.map((row) => row.cardId))) {
    const entries = await deps.store.list(cardId).catch((err: Error) => {
      deps.log.warn({ err, cardId }, 'cannot read a vault to label its access log');
      return [];
    });
    labels.set(cardId, new Map(entries.map((entry) => [entry.id, entry.label])));
  }
  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      cardId: row.cardId,
      label: (row.entryId && labels.get(row.cardId)?.get(row.entryId)) ?? null,
      person: row.memberId ? (byId(row.memberId) ?? { username: row.username ?? row.memberId, fullName: null }) : null,
      ...(row.recipient ? { recipient: row.recipient } : {}),
      ...(row.entryIds ? { entryCount: row.entryIds.length } : {}),
      ...(row.cardName ? { cardName: row.cardName } : {}),
    })),
    next: rows.length === limit ? rows[rows.length - 1]!.id : null,
  };
}

function personById(members: readonly TrelloMember[]): (memberId: string) => Person | null {
  const byId = new Map(members.map((m) => [m.id, { username: m.username, fullName: m.fullName }]));
  return (memberId) => byId.get(memberId) ?? null;
}

/** The board's members holding a right: those the rules name and Trello knows on the board. */
function holdersOf(config: ProcessConfig, right: VaultRight, members: readonly TrelloMember[]): Person[] {
  return members.filter((m) => vaultRights(config, m.username)[right]).map((m) => ({ username: m.username, fullName: m.fullName }));
}
