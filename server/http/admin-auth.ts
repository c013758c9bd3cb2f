import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** What a browser shows in its password prompt. */
export const ADMIN_REALM = 'gatekeeper admin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The operator's door: `Authorization: Bearer <token>` for scripts, or HTTP Basic with the token as
 * the password (any user name) so that a browser asks for it. Without either, 401 with a Basic
 * challenge.
 */
export function adminAuth({ adminToken, log }: { adminToken: string; log: Logger }): RequestHandler {
  const expected = digest(adminToken);
  return (req, res, next) => {
    const offered = offeredToken(req);
    if (offered === undefined || !timingSafeEqual(digest(offered), expected)) {
      // A browser's first visit carries nothing; only a wrong token is worth a line.
      if (offered !== undefined) {
        log.warn({ ip: req.ip, method: req.method, path: req.originalUrl.split('?')[0] }, 'admin request with a wrong token');
      }
      res.set('WWW-Authenticate', `Basic realm="${ADMIN_REALM}", charset="UTF-8"`);
      return void res.status(401).json({ error: 'unauthorized', message: 'admin token required' });
    }
    if (!SAFE_METHODS.has(req.method) && fromAnotherSite(req)) {
      return void res.status(403).json({ error: 'forbidden', message: 'admin changes must come from the admin pages themselves' });
    }
    next();
  };
}

/**
 * A browser sends remembered Basic credentials with requests that other sites' pages trigger too,
 * so a page elsewhere could post a form here. Browsers name the requesting site in Sec-Fetch-Site,
 * except on plain-HTTP origins other than localhost, where they still send Origin with every
 * change. A request with neither comes from curl or a script, not from a page.
 */
function fromAnotherSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin';
  const origin = req.get('origin');
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.get('host');
  } catch {
    return true; // "null": a sandboxed or privacy-sensitive context
  }
}

function offeredToken(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header) return undefined;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

// Equal-length digests: timingSafeEqual needs them, and the comparison says nothing about the length.
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
