import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimContext } from './context';
import { callUrl } from './delivery/call-url';
import { Deliverer } from './delivery/deliverer';
import { createApp } from './http/create-app';
import { createIdFactory } from './ids';
import { createJwtKeyRing } from './jwt/jwt-key-ring';
import { powerUpClaims } from './jwt/power-up-claims';
import { inspectActions, inspectCard, inspectComments, inspectWebhooks } from './inspect';
import { resolveOptions } from './options';
import { seedDemoBoard } from './seed-demo-board';
import { SimState } from './state/sim-state';
import type { DeliveryRecord, RequestRecord, SimulatorOptions, TrelloSimulator } from './types';
import { createUiActor } from './ui-actor';

export type * from './types';
export { DEFAULT_DEMO_LISTS } from './seed-demo-board';
export { PLUGIN_DATA_LIMIT } from './operations/plugin-data';
export { signJwt, TRELLO_JWT_HEADER } from './jwt/sign-jwt';

/**
 * Starts a Trello look-alike on 127.0.0.1 (REST under /1, webhook deliveries out).
 * See docs in types.ts; shapes follow docs/trello-reference.md.
 */
export async function startTrelloSimulator(options: SimulatorOptions): Promise<TrelloSimulator> {
  const resolved = resolveOptions(options);
  const ids = createIdFactory(resolved.now);
  const state = new SimState(ids, resolved.now);
  const shutdown = new AbortController();
  const requests: RequestRecord[] = [];
  const deliveries: DeliveryRecord[] = [];
  const ctx: SimContext = {
    state,
    options: resolved,
    key: ids.hex(16),
    appId: ids.objectId(),
    powerUpId: ids.objectId(),
    jwtKeys: createJwtKeyRing(state.now),
    headCheck: (url) => callUrl({ method: 'HEAD', url, timeoutMs: resolved.deliveryTimeoutMs, signal: shutdown.signal }),
  };
  const deliverer = new Deliverer(
    state,
    {
      appSecret: resolved.appSecret,
      retryDelaysMs: resolved.deliveryRetryDelaysMs,
      timeoutMs: resolved.deliveryTimeoutMs,
      disableAfterFailures: resolved.disableAfterFailures,
      escapeJson: resolved.escapeJson,
      log: resolved.log,
    },
    deliveries,
    shutdown.signal,
  );
  const { app, failNext, onRequest } = createApp(ctx, requests);
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resolved.log(`[simulator] listening on ${url}`);

  return {
    url,
    key: ctx.key,
    appId: ctx.appId,
    powerUpId: ctx.powerUpId,
    requests,
    deliveries,
    async close() {
      shutdown.abort();
      await deliverer.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    seedDemoBoard: (lists) => seedDemoBoard(ctx, lists),
    ui: (username) => createUiActor(ctx, username),
    card: (cardId) => inspectCard(state, cardId),
    comments: (cardId) => inspectComments(state, cardId),
    actions: (filter) => inspectActions(state, filter),
    webhooks: () => inspectWebhooks(state),
    resetLogs() {
      requests.length = 0;
      deliveries.length = 0;
    },
    idle: () => deliverer.idle(),
    failNext,
    onRequest,
    loseDeliveries(predicate) {
      deliverer.lose = predicate;
    },
    lostDeliveries: () => [...deliverer.lost],
    mintPowerUpJwt: (input) => ctx.jwtKeys.mint(powerUpClaims(input, { idPlugin: ctx.powerUpId, nowMs: state.now() })),
    rotateJwtKeys: (opts = {}) => ctx.jwtKeys.rotate(opts.overlapMs ?? 10 * 60_000),
  };
}
