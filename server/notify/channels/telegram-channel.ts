import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import type { Language } from '../../../rules';
import { createRedactor, truncate } from '../../trello/redact-secrets';
import type { Channel, Delivery } from '../delivery';
import { httpDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { plainText } from '../templates/render-message';

/** Telegram refuses longer messages (Bot API, sendMessage: 1–4096 characters). */
const MAX_TEXT = 4096;

/** Every Bot API answer (core.telegram.org/bots/api#making-requests). */
const BotAnswer = z.object({
  ok: z.boolean(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional() }).optional(),
});

/**
 * Messages from the bot to a chat: a person's private chat with it, or a group it was added to.
 * Plain text, no parse mode: nothing in a station name or a reason is taken for markup that way.
 * Telegram still finds `@username` in plain text and notifies that person in a group, so the
 * board's text has its `@` broken (`inertText`'s telegram dialect).
 */
export function createTelegramChannel(deps: { apiUrl: string; token: string; language: Language; timeoutMs?: number }): Channel {
  const http = axios.create({
    baseURL: `${deps.apiUrl.replace(/\/+$/, '')}/bot${deps.token}`,
    timeout: deps.timeoutMs ?? 10_000,
    validateStatus: () => true,
  });
  // The token sits in every request path; nothing we keep (errors, logs, dead letters) may show it.
  const redact = createRedactor([deps.token]);
  return {
    name: 'telegram',
    // Under the Bot API's ~30 messages a second per bot (core.telegram.org/bots/faq); past it, 429.
    limit: { max: 25, duration: 1000 },
    async deliver(delivery) {
      const text = plainText(delivery.notice, deps.language, 'telegram');
      await sendMessage(http, delivery, text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text, redact);
    },
  };
}

async function sendMessage(http: AxiosInstance, delivery: Delivery, text: string, redact: (t: string) => string): Promise<void> {
  const what = `[telegram] sendMessage to chat ${delivery.address}`;
  let response;
  try {
    response = await http.post('/sendMessage', { chat_id: delivery.address, text, link_preview_options: { is_disabled: true } });
  } catch (err) {
    throw new RetryableDeliveryError(redact(`${what} failed: ${(err as Error).message}`));
  }
  const answer = BotAnswer.safeParse(response.data);
  if (response.status === 200 && answer.success && answer.data.ok) return;
  const description = answer.success ? (answer.data.description ?? '') : truncate(String(response.data));
  const retryAfter = answer.success ? answer.data.parameters?.retry_after : undefined;
  throw httpDeliveryError(
    redact(`${what} answered ${response.status}: ${description}`),
    response.status,
    retryAfter === undefined ? undefined : retryAfter * 1000,
  );
}
