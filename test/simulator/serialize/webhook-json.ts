import type { WebhookRecord } from '../state/records';
import type { WebhookInfo } from '../types';

/** The webhook as Trello returns and delivers it (docs/trello-reference.md §1.1 `Webhook` schema); the owning token stays inside. */
export function webhookJson(webhook: WebhookRecord): WebhookInfo {
  return {
    id: webhook.id,
    description: webhook.description,
    idModel: webhook.idModel,
    callbackURL: webhook.callbackURL,
    active: webhook.active,
    consecutiveFailures: webhook.consecutiveFailures,
    firstConsecutiveFailDate: webhook.firstConsecutiveFailDate,
  };
}
