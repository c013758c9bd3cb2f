import { listenHttp, type Answer } from './listen';

export type SentMessage = { chatId: string; text: string; disablePreview: boolean };
export type TelegramStandIn = {
  url: string;
  token: string;
  /** Every message the bot API accepted, in order. */
  sent: SentMessage[];
  /** Every sendMessage call, answered or refused, with when it came (ms since the epoch). */
  calls: { chatId: string; status: number; at: number }[];
  /** Answers the next calls for `chatId` with these failures, in order, before answering normally. */
  failNext(chatId: string, ...failures: Failure[]): void;
  close(): Promise<void>;
};
export type Failure = { status: number; description: string; retryAfter?: number };

/**
 * The part of the Telegram Bot API the channel uses, over real HTTP: POST /bot<token>/sendMessage
 * with a JSON body, answered in the API's envelope — `{ok:true,result}` or `{ok:false,
 * error_code, description, parameters:{retry_after}}` (core.telegram.org/bots/api#making-requests).
 * Chats not in `chats` answer 400 "chat not found", as Telegram does.
 */
export async function startTelegramStandIn(opts: { token: string; chats: string[] }): Promise<TelegramStandIn> {
  const sent: SentMessage[] = [];
  const calls: TelegramStandIn['calls'] = [];
  const failures = new Map<string, Failure[]>();
  const server = await listenHttp((req, raw) => {
    if (req.method !== 'POST' || req.url !== `/bot${opts.token}/sendMessage`) {
      return refusal(req.url?.endsWith('/sendMessage') ? 401 : 404, req.url?.endsWith('/sendMessage') ? 'Unauthorized' : 'Not Found');
    }
    const body = JSON.parse(raw) as { chat_id: string | number; text: string; link_preview_options?: { is_disabled?: boolean } };
    const chatId = String(body.chat_id);
    const answer = answerFor(chatId, body.text);
    calls.push({ chatId, status: answer.status, at: Date.now() });
    if (answer.status === 200) sent.push({ chatId, text: body.text, disablePreview: body.link_preview_options?.is_disabled === true });
    return answer;
  });

  function answerFor(chatId: string, text: string): Answer {
    const failure = failures.get(chatId)?.shift();
    if (failure) return refusal(failure.status, failure.description, failure.retryAfter);
    if (!opts.chats.includes(chatId)) return refusal(400, 'Bad Request: chat not found');
    if (text.length === 0 || text.length > 4096) return refusal(400, 'Bad Request: message is too long');
    return { status: 200, body: { ok: true, result: { message_id: sent.length + 1, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId) }, text } } };
  }

  return {
    url: server.url, token: opts.token, sent, calls,
    failNext(chatId, ...more) {
      failures.set(chatId, [...(failures.get(chatId) ?? []), ...more]);
    },
    close: server.close,
  };
}

function refusal(status: number, description: string, retryAfter?: number): Answer {
  const parameters = retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } };
  return { status, body: { ok: false, error_code: status, description, ...parameters } };
}
