import type { Router } from 'express';
import { createApp } from '../../server/http/create-app';
import { testLog } from './silent-log';

/** The service's Express app (helmet, logging, 404 and error handlers) with only these routers behind the webhook route. */
export function appWith(...routers: Router[]) {
  return createApp({
    log: testLog(),
    callbackUrl: 'https://gatekeeper.example.com/webhooks/trello',
    appSecret: 'secret',
    bodyLimit: '64kb',
    enqueue: async () => undefined,
    readiness: async () => ({}),
    routers,
  });
}
