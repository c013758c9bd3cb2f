/** Where Trello delivers a board's webhooks; the route serves it and every registration names it. */
export const WEBHOOK_PATH = '/webhooks/trello';

/**
 * The callbackURL a webhook is registered with. Trello signs every delivery over it, byte for byte,
 * so the route, the registration and the health check must build it the one same way.
 * PUBLIC_URL comes without a trailing slash (server/config/env-schema.ts strips it).
 */
export function webhookCallbackUrl(publicUrl: string): string {
  return `${publicUrl}${WEBHOOK_PATH}`;
}
