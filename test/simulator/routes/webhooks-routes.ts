import { Router, type Request, type Response } from 'express';
import type { SimContext } from '../context';
import { invalidValue, notFound, SimError } from '../errors';
import { actorOf } from '../http/authenticate';
import { boolParam, paramsOf, pathId } from '../http/params';
import type { WebhookRecord } from '../state/records';
import { webhookJson } from '../serialize/webhook-json';
import { assertCallbackAnswers, assertUnique, callbackUrlParam, modelParam } from './webhook-validation';

/** Webhooks (docs/trello-reference.md §1.1, §7 item 1). They belong to the token that created them. */
export function webhooksRoutes(ctx: SimContext): Router {
  const router = Router();
  const { state } = ctx;

  const create = async (req: Request, res: Response) => {
    const params = paramsOf(req);
    const callbackURL = callbackUrlParam(params);
    if (callbackURL === undefined) throw invalidValue('callbackURL');
    const idModel = modelParam(ctx, res, params);
    if (idModel === undefined) throw invalidValue('idModel');
    const description = params.get('description') ?? '';
    if (description.length > 16384) throw invalidValue('description');
    const token = actorOf(res).member.token;
    assertUnique(ctx, { id: '', callbackURL, idModel, token });
    await assertCallbackAnswers(ctx, callbackURL);
    const webhook: WebhookRecord = {
      id: state.ids.objectId(),
      description,
      idModel,
      callbackURL,
      active: boolParam(params, 'active') ?? true,
      consecutiveFailures: 0,
      firstConsecutiveFailDate: null,
      token,
    };
    state.webhooks.set(webhook.id, webhook);
    ctx.options.log(`[simulator] webhook ${webhook.id} created for ${idModel} → ${callbackURL}`);
    res.json(webhookJson(webhook));
  };

  router.post('/webhooks', create);
  router.post('/tokens/:token/webhooks', create);

  router.get('/tokens/:token/webhooks', (_req, res) => {
    const token = actorOf(res).member.token;
    res.json([...state.webhooks.values()].filter((w) => w.token === token).map(webhookJson));
  });

  const owned = (req: Request, res: Response): WebhookRecord => {
    const webhook = state.webhooks.get(pathId(req, 'id'));
    if (!webhook) throw notFound();
    // Wording from the swagger JSDoc (docs/trello-reference.md §1.1); the status Trello uses for it is not documented.
    if (webhook.token !== actorOf(res).member.token) throw new SimError(401, 'webhook does not belong to token');
    return webhook;
  };

  router.get('/webhooks/:id', (req, res) => {
    res.json(webhookJson(owned(req, res)));
  });

  // A new callbackURL is HEAD-checked again (docs/trello-reference.md §1.2, an assumption of the reference).
  router.put('/webhooks/:id', async (req, res) => {
    const webhook = owned(req, res);
    const params = paramsOf(req);
    const callbackURL = callbackUrlParam(params) ?? webhook.callbackURL;
    const idModel = modelParam(ctx, res, params) ?? webhook.idModel;
    const description = params.get('description') ?? webhook.description;
    const active = boolParam(params, 'active') ?? webhook.active;
    assertUnique(ctx, { id: webhook.id, callbackURL, idModel, token: webhook.token });
    if (callbackURL !== webhook.callbackURL) await assertCallbackAnswers(ctx, callbackURL);
    Object.assign(webhook, { callbackURL, idModel, description, active });
    res.json(webhookJson(webhook));
  });

  // Trello answers deletes with `{"_value":null}`.
  router.delete('/webhooks/:id', (req, res) => {
    state.webhooks.delete(owned(req, res).id);
    res.json({ _value: null });
  });

  return router;
}
