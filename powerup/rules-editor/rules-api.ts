import type { RulesProblem } from '../../rules';
import { ApiError, bodyMessage, createApiSender, type ApiAnswer, type ApiOptions } from '../data/api-client';
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

/** The rules editor's calls, on the Power-Up's API sender (its JWT, its errors). */
export function createRulesApi(opts: ApiOptions): RulesApi {
  const { answer: send } = createApiSender(opts);
  const saveResult = ({ status, body }: ApiAnswer): SaveResult => {
    if (status === 409) {
      const conflict = body as RulesConflictAnswer;
      return { outcome: 'conflict', message: conflict.message, active: conflict.active };
    }
    if (status === 422) return { outcome: 'invalid', message: bodyMessage(body) ?? '', problems: problemsOf(body) };
    return { outcome: 'saved', saved: (body as RulesSaveAnswer).saved };
  };
  return {
    editor: async () => (await send('GET', 'rules/editor', [200])).body as RulesEditorAnswer,
    check: async (text) => (await send('POST', 'rules/check', [200], { text })).body as RulesCheckAnswer,
    async preview(text) {
      const { status, body } = await send('POST', 'rules/preview', [200, 422], { text });
      if (status === 422) return { outcome: 'invalid', message: bodyMessage(body) ?? '', problems: problemsOf(body) };
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

function problemsOf(body: unknown): RulesProblem[] {
  const problems = typeof body === 'object' && body !== null ? (body as { problems?: unknown }).problems : undefined;
  return Array.isArray(problems) ? (problems as RulesProblem[]) : [];
}

/** Why a call failed, in plain words: the server's own message, or offline, or its trouble. */
export type FailureKind = { kind: 'offline' } | { kind: 'server'; status: number } | { kind: 'refused'; message: string } | { kind: 'other'; message: string };

export function failureOf(err: unknown): FailureKind {
  if (err instanceof ApiError) {
    const message = bodyMessage(err.body);
    if (err.status >= 500) return { kind: 'server', status: err.status };
    if (message) return { kind: 'refused', message };
    return { kind: 'other', message: err.message };
  }
  // fetch rejects with a TypeError when the network is down or the server cannot be reached.
  if (err instanceof TypeError) return { kind: 'offline' };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}
