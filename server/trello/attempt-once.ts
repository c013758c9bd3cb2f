import { isAxiosError, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { codeForStatus, type TrelloErrorCode, type TrelloFailure } from './errors';
import type { RequesterDeps, TrelloAttempt, TrelloCall } from './requester-types';
import { spentWindows } from './rate-limit-headers';
import { truncate, type Redact } from './redact-secrets';

export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; failure: TrelloFailure };

/**
 * One try: take a limiter slot, send, validate. Never throws: every failure comes back
 * as plain data, built from our own strings, so no axios error (whose config holds the
 * key and token) can escape.
 */
export async function attemptOnce<S extends z.ZodType>(
  deps: RequesterDeps,
  call: TrelloCall<S>,
  shownPath: string,
  redact: Redact,
): Promise<AttemptOutcome<z.output<S>>> {
  const fail = (code: TrelloErrorCode, status: number | undefined, detail: string) =>
    ({ ok: false, failure: { code, status, method: call.method, path: shownPath, detail: redact(detail) } }) as const;

  try {
    await deps.limiter.acquire();
  } catch (err) {
    return fail('trello_limiter_unavailable', undefined, errorText(err));
  }
  let response: AxiosResponse<string>;
  try {
    const params = { ...call.params, key: deps.key, token: deps.token };
    response = await deps.http.request({ method: call.method, url: call.path, params });
  } catch (err) {
    const timedOut = isTimeout(err);
    report(deps, { method: call.method, path: shownPath, status: timedOut ? 'timeout' : 'network' });
    return fail(timedOut ? 'trello_timeout' : 'trello_network_error', undefined, errorText(err));
  }
  report(deps, { method: call.method, path: shownPath, status: response.status });
  await pauseSpentWindows(deps, response);
  const body = typeof response.data === 'string' ? response.data : '';
  if (response.status < 200 || response.status >= 300) {
    return fail(codeForStatus(response.status), response.status, truncate(body));
  }
  const json = parseJson(body);
  if (!json.ok) return fail('trello_invalid_response', response.status, `body is not JSON: ${truncate(body)}`);
  const parsed = call.schema.safeParse(json.value);
  if (!parsed.success) return fail('trello_invalid_response', response.status, describeIssues(parsed.error));
  return { ok: true, value: parsed.data };
}

// An observer is bookkeeping: its failure must not turn a request that succeeded into a failed one.
function report(deps: RequesterDeps, attempt: TrelloAttempt): void {
  try {
    deps.observe?.(attempt);
  } catch (err) {
    deps.log.warn({ err: errorText(err), path: attempt.path }, '[trello] attempt observer failed');
  }
}

async function pauseSpentWindows(deps: RequesterDeps, response: AxiosResponse): Promise<void> {
  for (const { scope, ms } of spentWindows(response.headers, deps.windowMs)) {
    // Steering is an optimisation: the request itself succeeded, so a Redis hiccup here
    // must not fail it. The next acquire() will surface a Redis that stays down.
    await deps.limiter.pause(scope, ms).catch(() => undefined);
  }
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === '') return { ok: true, value: null }; // DELETE may answer with nothing
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `unexpected response body at ${issues.join('; ')}${more}`;
}

function isTimeout(err: unknown): boolean {
  return isAxiosError(err) && (err.code === 'ETIMEDOUT' || err.code === 'ECONNABORTED');
}

// Only the code and message, never the error object: axios errors carry config.params.
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
}
