import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** Trello shows the Power-Up's pages in iframes on this origin. */
export const DEFAULT_FRAME_ANCESTORS = ['https://trello.com'];

/** `npm run build:powerup` writes here; relative to the working directory, like RULES_FILE. */
export const DEFAULT_POWERUP_DIR = 'dist/powerup';

const TRELLO_CDN = 'https://p.trellocdn.com';

export type PowerUpStaticOptions = {
  /** The built Power-Up (HTML, JS, CSS, strings, icons). */
  distDir?: string;
  /** Origins allowed to frame the pages and to fetch them across origins; default https://trello.com. */
  frameAncestors?: readonly string[];
};

/**
 * Serves the built Power-Up under /powerup with headers fit for a Trello iframe. helmet's defaults
 * suit the rest of the service but would break these pages: `X-Frame-Options: SAMEORIGIN` and
 * `frame-ancestors 'self'` forbid Trello to frame them, `script-src 'self'` forbids Trello's client
 * library from its CDN, and `Cross-Origin-Resource-Policy: same-origin` hides the icons from
 * trello.com. So this router replaces those headers for its own files, and only for them.
 */
export function powerupStatic(opts: PowerUpStaticOptions = {}): Router {
  const distDir = resolve(opts.distDir ?? DEFAULT_POWERUP_DIR);
  const ancestors = [...(opts.frameAncestors ?? DEFAULT_FRAME_ANCESTORS)];
  for (const origin of ancestors) assertOrigin(origin);
  const router = Router();
  router.use(
    '/powerup',
    iframeHeaders(ancestors),
    express.static(distDir, {
      index: false,
      // File names carry no content hash: revalidate every time (a 304 costs little).
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
    notBuilt(distDir),
  );
  return router;
}

function iframeHeaders(ancestors: string[]): RequestHandler {
  const allowed = new Set(ancestors);
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${TRELLO_CDN}`,
    // Trello's client library styles its own elements inline.
    `style-src 'self' ${TRELLO_CDN} 'unsafe-inline'`,
    "img-src 'self' data: https:",
    "font-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
  return (req, res, next) => {
    res.removeHeader('X-Frame-Options');
    res.set('Content-Security-Policy', csp);
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // CORS for Trello's origins: Trello reads the connector (and its icons) from its own pages.
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Methods', 'GET, HEAD');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  };
}

/** A server started without `npm run build:powerup` says so instead of a bare 404. */
function notBuilt(distDir: string): RequestHandler {
  return (_req, res, next) => {
    if (existsSync(join(distDir, 'connector.html'))) return next();
    res.status(503).json({ error: 'powerup_not_built', message: `the Power-Up is not built in ${distDir}: run npm run build:powerup` });
  };
}

function assertOrigin(origin: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin !== origin) {
    throw new Error(`[powerup] frame ancestor "${origin}" is not an origin such as https://trello.com`);
  }
}
