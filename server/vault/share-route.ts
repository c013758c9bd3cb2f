import express, { type Router } from 'express';
import { z } from 'zod';
import type { ShareAnswer } from '../../powerup/model/api-contract';
import { personWithLogin, sameName, validateEmail, type ProcessConfig } from '../../rules';
import type { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { ApiError, parseRequest } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import { stationOf } from '../stage/card-snapshot';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloCard } from '../trello/schema';
import { tokenHash, type AccessLinks } from './access-links';
import type { SendMail } from './client-mailer';
import { localTime } from './local-time';
import type { VaultEntry } from './vault-store';
import { logAccess, vaultViewer, type VaultDeps } from './vault-routes';

export type ShareDeps = VaultDeps & {
  links: AccessLinks;
  /** Reminds the stage's owners of a link still unopened when the stage's time is up. */
  deadlines: Pick<DeadlineScheduler, 'linkSent'>;
  trello: Pick<TrelloClient, 'getCard' | 'addComment' | 'setCheckItemState'>;
  powerUpId: string;
  /** PUBLIC_URL: the links point at the service's own /access page. */
  publicUrl: string;
  /** Sends one plain-text mail; absent when SMTP_URL is not set (then links are copied, not mailed). */
  sendMail?: SendMail;
  now: () => number;
};

const ShareBody = z.object({
  entryIds: z.array(z.string().min(1)).min(1, 'choose at least one entry').max(20),
  delivery: z.enum(['email', 'copy']),
});

/**
 * `POST /api/cards/:cardId/vault/share`: a one-time link to chosen entries, mailed to the station's
 * technical contact (`contact.email`) or handed back for the member to send. The share is logged
 * first; then the link is made, sent, the rules' checklist item ticked and the card told who sent
 * what to whom. The link's token exists only in the mail or the answer: Redis keeps its hash.
 */
export function shareRoute(deps: ShareDeps): Router {
  const router = apiRouter();
  router.post('/cards/:cardId/vault/share', express.json({ limit: '16kb' }), async (req, res) => {
    const { cardId } = req.params;
    const viewer = await vaultViewer(deps, res, cardId, 'share');
    const { entryIds, delivery } = parseRequest(ShareBody, req.body ?? {}, 'bad_body', 'body');
    const entries = await chosenEntries(deps, cardId, [...new Set(entryIds)]);
    const card = await deps.trello.getCard(cardId);
    const recipient = delivery === 'email' ? contactEmail(deps, card) : '';
    if (delivery === 'email' && !deps.sendMail) {
      throw new ApiError(409, 'email_unavailable', 'the service sends no e-mail (SMTP_URL is not set); copy the link and send it yourself');
    }

    const days = deps.config.vault!.link.expiresInDays;
    const expiresAt = new Date(deps.now() + days * 86_400_000).toISOString();
    await logAccess(deps, viewer, cardId, 'share', { entryIds: entries.map((e) => e.id), recipient: recipient || undefined, expiresAt });
    const token = await deps.links.create({
      boardId: viewer.boardId, cardId, entryIds: entries.map((e) => e.id), createdAt: new Date(deps.now()).toISOString(), expiresAt,
      sentBy: { memberId: viewer.member.id, username: viewer.member.username, fullName: viewer.member.fullName }, recipient,
    });
    const url = `${deps.publicUrl}/access/${token}`;
    const labels = entries.map((e) => e.label);
    if (delivery === 'email') {
      try {
        await deps.sendMail!({ to: recipient, ...clientMail(deps.config, card.name, url, expiresAt) });
      } catch (err) {
        await deps.links.revoke(token);
        deps.log.error({ err, cardId }, 'could not mail a credentials link; the link is withdrawn');
        throw new ApiError(502, 'email_failed', `the mail to ${recipient} could not be sent (${(err as Error).message}); nothing was sent, try again or copy the link`);
      }
    }
    await deps.deadlines.linkSent({
      boardId: viewer.boardId, cardId, cardName: card.name, cardUrl: card.shortUrl, stage: card.list.name, linkHash: tokenHash(token),
      sentAt: new Date(deps.now()).toISOString(), expiresAt, recipient,
    });
    const ticked = await tickSentItem(deps, card);
    const who = personWithLogin(viewer.person);
    await deps.trello.addComment(cardId, sentComment(deps.config, labels, recipient, expiresAt, who)).catch((err: Error) => {
      deps.log.warn({ err, cardId }, 'could not comment on a credentials link sent');
    });
    deps.boardCards.forget(viewer.boardId);
    const answer: ShareAnswer = { expiresAt, ticked, ...(delivery === 'copy' ? { url } : { sentTo: recipient }) };
    res.set('Cache-Control', 'no-store').status(201).json(answer);
  });
  return router;
}

/** The entries a share names, each still in the vault; 404 naming those that are gone. */
async function chosenEntries(deps: ShareDeps, cardId: string, ids: string[]): Promise<VaultEntry[]> {
  const found = await Promise.all(ids.map((id) => deps.store.get(cardId, id)));
  const missing = ids.filter((_, i) => found[i] === null);
  if (missing.length > 0) throw new ApiError(404, 'no_such_entry', `card ${cardId} has no credential ${missing.join(', ')} (deleted meanwhile?)`);
  return found as VaultEntry[];
}

function contactEmail(deps: ShareDeps, card: TrelloCard): string {
  const value = stationOf(card, deps.powerUpId, deps.log)['contact.email'];
  const checked = validateEmail(value);
  if (value === undefined || value === '' || !checked.ok) {
    throw new ApiError(409, 'no_contact_email', 'the card has no valid technical contact e-mail (contact.email); fill it in, or copy the link and send it yourself');
  }
  return checked.value;
}

/** Ticks the rules' «Доступы отправлены клиенту» on the card; false when the card lacks it. */
async function tickSentItem(deps: ShareDeps, card: TrelloCard): Promise<boolean> {
  const { checklist, item } = deps.config.vault!.link;
  if (!checklist || !item) return false;
  const found = card.checklists.filter((c) => sameName(c.name, checklist)).flatMap((c) => c.checkItems).find((i) => sameName(i.name, item));
  if (!found) return false;
  if (found.state !== 'complete') await deps.trello.setCheckItemState(card.id, found.id, 'complete');
  return true;
}

function sentComment(config: ProcessConfig, labels: string[], recipient: string, expiresAt: string, who: string): string {
  const list = labels.map((l) => `«${l}»`).join(', ');
  const until = localTime(config, expiresAt, true);
  if (config.language === 'en') {
    return recipient
      ? `Credentials sent to the client: ${list} → ${recipient}, a one-time link valid until ${until}. Sent by ${who}.`
      : `A one-time link to credentials ${list} was made for the client, valid until ${until}. Made by ${who}, to send it themselves.`;
  }
  return recipient
    ? `Доступы отправлены клиенту: ${list} → ${recipient}, одноразовая ссылка до ${until}. Отправил ${who}.`
    : `Для клиента создана одноразовая ссылка на доступы ${list}, действует до ${until}. Создал ${who}, чтобы отправить самому.`;
}

function clientMail(config: ProcessConfig, station: string, url: string, expiresAt: string): { subject: string; text: string } {
  const until = localTime(config, expiresAt, true);
  if (config.language === 'en') {
    return {
      subject: `Access details for ${station}`,
      text: `Hello,\n\nyour access details for ${station} are at this link:\n${url}\n\nThe link opens once and is valid until ${until}. Please save the details when you open it.\n`,
    };
  }
  return {
    subject: `Доступы для ${station}`,
    text: `Здравствуйте!\n\nДоступы для ${station} — по ссылке:\n${url}\n\nСсылка открывается один раз и действует до ${until}. Сохраните данные, когда откроете её.\n`,
  };
}
