import type { RequestHandler } from 'express';

/**
 * CORS for /api. The Power-Up's iframes are served from this server, so their calls are
 * same-origin; a call made from trello.com itself (or a page on another origin during
 * development) needs these headers. Only listed origins get them. No cookies are involved:
 * the JWT travels in the Authorization header, which is why it must be an allowed header.
 */
export function apiCors(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', 'ETag');
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight carries no token; answer it before the JWT check.
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Methods', 'GET, POST');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.set('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
