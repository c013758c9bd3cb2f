import express, { type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type {
  BoardSetupAnswer, RulesCheckAnswer, RulesConflictAnswer, RulesEditorAnswer, RulesSaveAnswer, RulesVersionInfo, RulesVersionText,
} from '../../powerup/model/api-contract';
import { parseRules, processConfigJsonSchema, RulesError, type Language, type ProcessConfig, type RulesProblem } from '../../rules';
import { ApiError, parseRequest } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import type { LiveRules } from '../rules-store/live-rules';
import type { RulesVersion, RulesVersions, RulesVersionSummary, SaveResult } from '../rules-store/rules-versions';
import { needsPerson, changeCount, type SetupTarget } from '../setup/plan-board-setup';
import { setUpBoard, type BoardSetupDeps } from '../setup/set-up-board';
import { setupReport } from '../setup/setup-report';
import type { AuditLog } from '../store/audit-log';
import type { StageHistory } from '../store/stage-history';
import type { BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import { createTtlCache } from '../trello/ttl-cache';
import { deploymentProblems, type RunningDeployment } from './deployment-problems';
import { previewRules } from './preview-rules';
import { requireRulesAdmin, type RulesAdmin } from './rules-admin-access';

export type RulesAdminDeps = {
  rules: Pick<LiveRules, 'current' | 'fresh'>;
  versions: RulesVersions;
  running: RunningDeployment;
  lookups: BoardLookups;
  trello: Pick<TrelloClient, 'getBoardAdminIds' | 'getBoardCards' | 'getBoardLists' | 'getBoardMembers'> & BoardSetupDeps['trello'];
  watched: BoardSetupDeps['watched'];
  history: StageHistory;
  audit: AuditLog;
  /** Where this deployment listens and which Power-Up is its own, for the board set-up. */
  setupTarget: SetupTarget;
  /** Station data is this Power-Up's card pluginData (the dry run reads it). */
  powerUpId: string;
  log: Logger;
  now?: () => Date;
};

/** A member made or unmade a Trello admin of the board is seen within this. */
const BOARD_ADMINS_TTL_MS = 60_000;

// A rules file is tens of kilobytes; this leaves room without inviting megabytes.
const MAX_TEXT = 512 * 1024;
const Draft = z.object({ text: z.string().min(1, 'the rules text is empty').max(MAX_TEXT) });
const Save = Draft.extend({
  comment: z.string().trim().min(1, 'say what the change is for').max(500),
  baseVersion: z.number().int().positive(),
});
const Restore = Save.omit({ text: true });
const VersionParam = z.object({ version: z.coerce.number().int().positive() });
const SetupQuery = z.object({ language: z.enum(['ru', 'en']).optional() });

/**
 * The admin's rules editor under /api/rules (docs/rules-editor.md): the active version with what
 * completion needs, every problem of a draft, the dry run, saving and restoring versions (409 when
 * another save came first), and the board set-up. Every route is for rules admins only.
 */
export function rulesAdminRoutes(deps: RulesAdminDeps): Router {
  const router = apiRouter();
  const now = deps.now ?? (() => new Date());
  router.use('/rules', express.json({ limit: MAX_TEXT * 2 }));
  // The editor checks the draft on every pause in typing: the board's admins are asked of Trello once a minute, not each time.
  const boardAdmins = createTtlCache({ ttlMs: BOARD_ADMINS_TTL_MS, load: (boardId) => deps.trello.getBoardAdminIds(boardId) });
  const admin = (res: Response) => requireRulesAdmin(res, deps.rules.current().config, { lookups: deps.lookups, boardAdmins: (boardId) => boardAdmins.get(boardId) });

  router.get('/rules/editor', async (_req, res) => {
    const { boardId } = await admin(res);
    const active = await activeVersion();
    const config = deps.rules.current().config;
    const [lists, members, versions] = await Promise.all([deps.lookups.lists(boardId), deps.lookups.members(boardId), deps.versions.list()]);
    const body: RulesEditorAnswer = {
      active: textOf(active),
      versions: versions.map(infoOf),
      completion: {
        lists: lists.filter((list) => !list.closed).map((list) => list.name),
        members: members.map((m) => ({ username: m.username, fullName: m.fullName || null })),
        fieldKeys: config.fields.map((field) => field.key),
        checklists: config.checklists.map((checklist) => checklist.name),
        roles: Object.keys(config.roles),
      },
      schema: processConfigJsonSchema(),
      language: config.language,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/rules/check', async (req, res) => {
    await admin(res);
    const { text } = parseRequest(Draft, req.body, 'invalid_draft', 'body');
    const body: RulesCheckAnswer = { problems: draftOf(text).problems };
    res.json(body);
  });

  router.post('/rules/preview', async (req, res) => {
    const { boardId } = await admin(res);
    const { text } = parseRequest(Draft, req.body, 'invalid_draft', 'body');
    const draft = draftOf(text);
    if (!draft.config) return void invalid(res, draft.problems);
    const active = deps.rules.current();
    res.json(await previewRules(deps, { boardId, active: { version: active.version, config: active.config }, draft: draft.config, now: now() }));
  });

  router.get('/rules/versions/:version', async (req, res) => {
    await admin(res);
    const { version } = parseRequest(VersionParam, req.params, 'bad_version', 'query');
    const found = await deps.versions.get(version);
    if (!found) throw new ApiError(404, 'no_such_version', `there is no rules version ${version}`);
    res.json(textOf(found));
  });

  router.post('/rules/versions', async (req, res) => {
    const who = await admin(res);
    const { text, comment, baseVersion } = parseRequest(Save, req.body, 'invalid_save', 'body');
    const draft = draftOf(text);
    if (!draft.config) return void invalid(res, draft.problems);
    await saved(res, who, baseVersion, await deps.versions.save({ text, comment, base: baseVersion, author: who.person, source: 'editor' }));
  });

  router.post('/rules/versions/:version/restore', async (req, res) => {
    const who = await admin(res);
    const { version } = parseRequest(VersionParam, req.params, 'bad_version', 'query');
    const { comment, baseVersion } = parseRequest(Restore, req.body, 'invalid_save', 'body');
    const old = await deps.versions.get(version);
    if (!old) throw new ApiError(404, 'no_such_version', `there is no rules version ${version}`);
    // Rules saved long ago may no longer pass today's checks, or this deployment's.
    const draft = draftOf(old.text);
    if (!draft.config) return void invalid(res, draft.problems);
    await saved(res, who, baseVersion, await deps.versions.save({ text: old.text, comment, base: baseVersion, author: who.person, source: 'restore', restoredFrom: version }));
  });

  router.get('/rules/setup', async (req, res) => {
    const { boardId } = await admin(res);
    res.json(await setup(boardId, false, parseRequest(SetupQuery, req.query, 'bad_query', 'query').language));
  });

  router.post('/rules/setup', async (req, res) => {
    const { boardId, person } = await admin(res);
    const { language } = parseRequest(SetupQuery, req.query, 'bad_query', 'query');
    deps.log.info({ boardId, by: person.username }, 'board set-up applied from the rules editor');
    res.json(await setup(boardId, true, language));
  });

  async function activeVersion(): Promise<RulesVersion> {
    const active = await deps.versions.active();
    if (!active) throw new Error('[rules] no active rules version in Redis: the service seeds one at start');
    return active;
  }

  /** A draft's config, or every problem: the rules' own, then what this deployment cannot run. */
  function draftOf(text: string): { config: ProcessConfig | null; problems: RulesProblem[] } {
    try {
      const config = parseRules(text, 'yaml');
      const problems = deploymentProblems(config, deps.running);
      return { config: problems.length ? null : config, problems };
    } catch (err) {
      if (err instanceof RulesError) return { config: null, problems: err.problems };
      throw err;
    }
  }

  async function saved(res: Response, who: RulesAdmin, editedFrom: number, result: SaveResult): Promise<void> {
    if ('conflict' in result) {
      // Never empty: the service seeds version 1 before it serves a request.
      const active = result.conflict!;
      const by = active.author ? `@${active.author.username}` : 'the rules file';
      const body: RulesConflictAnswer = {
        error: 'rules_version_conflict',
        message: `this draft was edited from version ${editedFrom}, but version ${active.version} was saved by ${by} at ${active.at}; look at its changes and save again`,
        editedFrom,
        active: infoOf(active),
      };
      return void res.status(409).json(body);
    }
    // This process answers the next request under the new version; the others hear it on pub/sub.
    await deps.rules.fresh();
    deps.log.info({ rulesVersion: result.saved.version, by: who.person.username, source: result.saved.source, comment: result.saved.comment }, 'rules version saved');
    const body: RulesSaveAnswer = { saved: infoOf(result.saved) };
    res.status(201).json(body);
  }

  /** The report in the language asked for (the member's), else the rules'. */
  async function setup(boardId: string, apply: boolean, language: Language | undefined): Promise<BoardSetupAnswer> {
    const { config } = deps.rules.current();
    const { plan, applied } = await setUpBoard(deps, { boardId, rules: config, target: deps.setupTarget, apply });
    const report = setupReport(plan, applied, deps.setupTarget.callbackURL, { language: language ?? config.language, hint: 'editor' });
    return { applied: applied !== null, changes: changeCount(plan), needsPerson: needsPerson(plan), report };
  }

  return router;
}

function invalid(res: Response, problems: RulesProblem[]): void {
  res.status(422).json({ error: 'rules_invalid', message: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules`, problems });
}

function infoOf(version: RulesVersionSummary): RulesVersionInfo {
  return {
    version: version.version, author: version.author, at: version.at, comment: version.comment, hash: version.hash,
    source: version.source, restoredFrom: version.restoredFrom,
  };
}

function textOf(version: RulesVersion): RulesVersionText {
  return { ...infoOf(version), text: version.text };
}
