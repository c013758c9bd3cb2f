import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { toCardEvent, type CardEvent } from '../queue/card-event';
import { verifyTrelloSignature } from './verify-trello-signature';
import { WebhookBody, type TrelloAction } from '../trello/webhook-body';
import { WEBHOOK_PATH } from './webhook-path';

export type WebhookRouteOptions = {
  /** PUBLIC_URL + /webhooks/trello: exactly the callbackURL the webhook was created with. */
  callbackUrl: string;
  appSecret: string;
  bodyLimit: string;
  enqueue(event: CardEvent): Promise<void>;
  /** Sees every verified action, queued or not (a ticked checklist item changes badges too). */
  observe?(action: TrelloAction, boardId: string): void;
  /**
   * A card deleted in Trello (its vault is erased): awaited before the 200, so that a failure is a
   * 503 and Trello delivers the action again.
   */
  cardDeleted?(action: TrelloAction, boardId: string): Promise<unknown>;
  /** Told of every delivery whose signature does not match: a misconfiguration must be loud. */
  onBadSignature?(): void;
  log: Logger;
};

/** Thin route: verify the raw bytes, validate, enqueue, acknowledge. Trello calls happen in workers. */
export function webhookRoute(opts: WebhookRouteOptions): Router {
  const router = Router();
  // Trello's HEAD check on webhook creation carries no body and no signature (docs/trello-reference.md §1.2).
  router.head(WEBHOOK_PATH, (_req, res) => void res.status(200).end());
  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: opts.bodyLimit }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyTrelloSignature(raw, req.get('x-trello-webhook'), opts.callbackUrl, opts.appSecret)) {
        opts.onBadSignature?.();
        return reject(res, 401, 'bad_signature', req.get('x-trello-webhook') ? 'X-Trello-Webhook does not match the body' : 'X-Trello-Webhook header is missing');
      }
      const body = parseJson(raw);
      if (body === undefined) return reject(res, 400, 'malformed_json', 'the body is not valid JSON');
      const parsed = WebhookBody.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return reject(res, 400, 'not_a_trello_action', `not a Trello action: ${first?.path.join('.') || 'body'}: ${first?.message}`);
      }
      const { action, model } = parsed.data;
      const boardId = action.data.board?.id ?? model.id;
      opts.observe?.(action, boardId);
      if (action.type === 'deleteCard' && opts.cardDeleted) {
        try {
          await opts.cardDeleted(action, boardId);
        } catch (err) {
          opts.log.error({ err, actionId: action.id, cardId: action.data.card?.id }, 'could not erase a deleted card\'s credentials');
          return reject(res, 503, 'store_unavailable', 'the deleted card\'s credentials cannot be erased now; retry later');
        }
      }
      const event = toCardEvent(action, model.id);
      if (!event) return void res.status(200).json({ status: 'ignored', actionId: action.id });
      try {
        await opts.enqueue(event);
      } catch (err) {
        opts.log.error({ err, actionId: event.actionId }, 'could not queue the card event');
        // 503 makes Trello deliver it again later (docs/trello-reference.md §1.4).
        return reject(res, 503, 'queue_unavailable', 'the event queue cannot take the event now; retry later');
      }
      res.status(200).json({ status: 'queued', actionId: event.actionId });
    },
  );
  return router;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function reject(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}
