import type { RulesProblem } from '../../rules';
import { ApiError, apiBaseUrl } from '../data/api-client';
import type {
  BoardSetupAnswer,
  RulesCheckAnswer,
  RulesConflictAnswer,
  RulesEditorAnswer,
  RulesPreview,
  RulesSaveAnswer,
  RulesVersionInfo,
  RulesVersionText,
} from '../model/api-contract';

/** A save or restore: saved, refused for a stale base (409), or refused for the draft's problems (422). */
export type SaveResult =
  | { outcome: 'saved'; saved: RulesVersionInfo }
  | { outcome: 'conflict'; message: string; active: RulesVersionInfo }
  | { outcome: 'invalid'; message: string; problems: RulesProblem[] };

export type PreviewResult = { outcome: 'preview'; preview: RulesPreview } | { outcome: 'invalid'; message: string; problems: RulesProblem[] };

/** The rules editor's calls under /api/rules (server/rules-admin), each with the member's Trello JWT. */
export type RulesApi = {
  editor(): Promise<RulesEditorAnswer>;
  check(text: string): Promise<RulesCheckAnswer>;
  preview(text: string): Promise<PreviewResult>;
  version(version: number): Promise<RulesVersionText>;
  save(text: string, comment: string, baseVersion: number): Promise<SaveResult>;
  restore(version: number, comment: string, baseVersion: number): Promise<SaveResult>;
  /** The set-up report comes in the member's language. */
  setupPlan(language: 'ru' | 'en'): Promise<BoardSetupAnswer>;
  applySetup(language: 'ru' | 'en'): Promise<BoardSetupAnswer>;
};

type Answer = { status: number; body: unknown };

/** A JWT is good for 15 minutes; one is kept for 10. */
const TOKEN_TTL_MS = 10 * 60_000;

export function createRulesApi(opts: { pageUrl: string; jwt: () => Promise<string>; fetch?: typeof fetch; now?: () => number }): RulesApi {
  const base = apiBaseUrl(opts.pageUrl);
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const now = opts.now ?? Date.now;
  let token: { value: Promise<string>; at: number } | undefined;
  const jwt = () => {
    if (!token || now() - token.at > TOKEN_TTL_MS) {
      const value = opts.jwt();
      token = { value, at: now() };
      value.catch(() => (token = undefined));
    }
    return token.value;
  };
  const send = async (method: 'GET' | 'POST', path: string, ok: number[], body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${await jwt()}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await doFetch(new URL(path, base).href, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const parsed: unknown = await response.json().catch(() => undefined);
    if (ok.includes(response.status)) return { status: response.status, body: parsed };
    throw new ApiError(response.status, `[api] ${method} ${path} answered ${response.status}: ${messageOf(parsed) ?? response.statusText}`, parsed);
  };
  const saveResult = ({ status, body }: Answer): SaveResult => {
    if (status === 409) {
      const conflict = body as RulesConflictAnswer;
      return { outcome: 'conflict', message: conflict.message, active: conflict.active };
    }
    if (status === 422) return { outcome: 'invalid', message: messageOf(body) ?? '', problems: problemsOf(body) };
    return { outcome: 'saved', saved: (body as RulesSaveAnswer).saved };
  };
  return {
    editor: async () => (await send('GET', 'rules/editor', [200])).body as RulesEditorAnswer,
    check: async (text) => (await send('POST', 'rules/check', [200], { text })).body as RulesCheckAnswer,
    async preview(text) {
      const { status, body } = await send('POST', 'rules/preview', [200, 422], { text });
      if (status === 422) return { outcome: 'invalid', message: messageOf(body) ?? '', problems: problemsOf(body) };
      return { outcome: 'preview', preview: body as RulesPreview };
    },
    version: async (version) => (await send('GET', `rules/versions/${version}`, [200])).body as RulesVersionText,
    save: async (text, comment, baseVersion) => saveResult(await send('POST', 'rules/versions', [200, 201, 409, 422], { text, comment, baseVersion })),
    restore: async (version, comment, baseVersion) =>
      saveResult(await send('POST', `rules/versions/${version}/restore`, [200, 201, 409, 422], { comment, baseVersion })),
    setupPlan: async (language) => (await send('GET', `rules/setup?language=${language}`, [200])).body as BoardSetupAnswer,
    applySetup: async (language) => (await send('POST', `rules/setup?language=${language}`, [200, 201])).body as BoardSetupAnswer,
  };
}

function messageOf(body: unknown): string | null {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : null;
}

function problemsOf(body: unknown): RulesProblem[] {
  const problems = typeof body === 'object' && body !== null ? (body as { problems?: unknown }).problems : undefined;
  return Array.isArray(problems) ? (problems as RulesProblem[]) : [];
}

/** Why a call failed, in plain words: the server's own message, or offline, or its trouble. */
export type FailureKind = { kind: 'offline' } | { kind: 'server'; status: number } | { kind: 'refused'; message: string } | { kind: 'other'; message: string };

export function failureOf(err: unknown): FailureKind {
  if (err instanceof ApiError) {
    const message = messageOf(err.body);
    if (err.status >= 500) return { kind: 'server', status: err.status };
    if (message) return { kind: 'refused', message };
    return { kind: 'other', message: err.message };
  }
  // fetch rejects with a TypeError when the network is down or the server cannot be reached.
  if (err instanceof TypeError) return { kind: 'offline' };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}
