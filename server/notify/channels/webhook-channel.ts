import axios from 'axios';
import type { Language } from '../../../rules';
import { truncate } from '../../trello/redact-secrets';
import { deliveryId, webhookKey, type Channel, type Delivery } from '../delivery';
import { httpDeliveryError, PermanentDeliveryError, retryAfterHeader, RetryableDeliveryError } from '../delivery-errors';
import { isCardNotice } from '../notice';
import { boardLink, cardLink, plainText, subjectLine } from '../templates/render-message';
import { DELIVERY_HEADER, signWebhookBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

/**
 * A signed JSON POST. `text` is what Slack (and Mattermost, Rocket.Chat) incoming webhooks show,
 * with the board's text escaped for them; the other fields are for receivers that act on the event
 * and carry the text as written. The URLs come from the rules and are looked up by key, because
 * job data must not hold credentials and a Slack webhook URL is one.
 */
export function createWebhookChannel(deps: {
  urls: readonly string[];
  secret: string;
  language: Language;
  timeoutMs?: number;
  now?: () => number;
}): Channel {
  const byKey = new Map(deps.urls.map((url) => [webhookKey(url), url]));
  return {
    name: 'webhook',
    async deliver(delivery) {
      const url = byKey.get(delivery.address);
      if (!url) throw new PermanentDeliveryError(`[webhook] ${delivery.address} is no longer a webhook URL in the rules`);
      const body = payload(delivery, deps.language);
      await post(url, JSON.stringify(body), body.delivery, deps);
    },
  };
}

function payload(delivery: Delivery, language: Language) {
  const { notice } = delivery;
  return {
    text: plainText(notice, language, 'slack'),
    subject: subjectLine(notice, language),
    delivery: deliveryId(delivery),
    kind: notice.kind,
    language,
    ...(isCardNotice(notice) ? { cardUrl: cardLink(notice) } : { boardUrl: boardLink(notice) }),
    recipients: delivery.usernames,
    notice,
  };
}

type PostDeps = { secret: string; timeoutMs?: number; now?: () => number };

async function post(url: string, raw: string, id: string, deps: PostDeps): Promise<void> {
  const timestamp = Math.floor((deps.now ?? Date.now)() / 1000);
  // The host only: the path of a Slack webhook URL is its secret.
  const what = `[webhook] POST to ${new URL(url).host}`;
  let response;
  try {
    response = await axios.post(url, raw, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        [SIGNATURE_HEADER]: signWebhookBody(deps.secret, timestamp, raw),
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: id,
      },
      timeout: deps.timeoutMs ?? 10_000,
      maxRedirects: 0,
      validateStatus: () => true,
      transformRequest: [(data: string) => data],
    });
  } catch (err) {
    throw new RetryableDeliveryError(`${what} failed: ${(err as Error).message.split(url).join(new URL(url).host)}`);
  }
  if (response.status >= 200 && response.status < 300) return;
  const detail = truncate(typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? ''));
  throw httpDeliveryError(`${what} answered ${response.status}: ${detail}`, response.status, retryAfterHeader(response.headers['retry-after']));
}
