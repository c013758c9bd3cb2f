import { STATUS_CODES } from 'node:http';

/**
 * An error Trello would answer with. Trello's error bodies are a mix of plain text
 * (`invalid id`, `invalid token`) and JSON (429s) (docs/trello-reference.md §3 "Errors are mixed text and JSON"),
 * so the body is kept as given and sent as text or JSON accordingly.
 */
export class SimError extends Error {
  override readonly name = 'SimError';

  constructor(
    readonly status: number,
    readonly body: string | Record<string, unknown>,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

export const notFound = (): SimError => new SimError(404, 'The requested resource was not found.');
export const invalidId = (): SimError => new SimError(400, 'invalid id');
export const invalidValue = (param: string): SimError => new SimError(400, `invalid value for ${param}`);
export const invalidKey = (): SimError => new SimError(401, 'invalid key');
export const invalidToken = (): SimError => new SimError(401, 'invalid token');
export const unauthorized = (model: string): SimError =>
  new SimError(401, `unauthorized ${model} permission requested`);

/** The body a bare status would carry on Trello: 429s are JSON, the rest text. */
export function defaultBodyFor(status: number): string | Record<string, unknown> {
  if (status === 429) return { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' };
  if (status === 400) return 'invalid id';
  if (status === 401) return 'invalid token';
  if (status === 404) return 'The requested resource was not found.';
  return STATUS_CODES[status] ?? 'Error';
}
