import type { Request } from 'express';

export type Credentials = { key: string | null; token: string | null };

const OAUTH_PARAM = /oauth_(consumer_key|token)="([^"]*)"/g;

/**
 * Where Trello reads key and token from: `key`/`token` query parameters (docs/trello-reference.md §3), the
 * JSON body (the docs/trello-reference.md §1.1 tokens-webhooks example posts `key` in it), the token in the
 * path of `/1/tokens/{token}/…`, and the `Authorization: OAuth oauth_consumer_key="…",
 * oauth_token="…"` header that Trello's authorization guide also documents.
 */
export function credentialsOf(req: Request): Credentials {
  const query = req.query as Record<string, unknown>;
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  const oauth = oauthHeader(req.headers.authorization);
  const pathToken = /^\/1\/tokens\/([^/]+)/.exec(fullPathOf(req))?.[1];
  return {
    key: firstString(query['key'], body['key'], oauth['consumer_key']),
    token: firstString(query['token'], body['token'], pathToken, oauth['token']),
  };
}

function oauthHeader(header: string | undefined): Record<string, string> {
  if (!header?.startsWith('OAuth ')) return {};
  const found: Record<string, string> = {};
  for (const match of header.matchAll(OAUTH_PARAM)) {
    if (match[1] !== undefined && match[2] !== undefined) found[match[1]] = decodeURIComponent(match[2]);
  }
  return found;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value.length > 0) return value;
  return null;
}

/** The request path from the root: `req.path` is relative to the mount point inside routers. */
export function fullPathOf(req: Request): string {
  return new URL(req.originalUrl, 'http://simulator').pathname;
}
