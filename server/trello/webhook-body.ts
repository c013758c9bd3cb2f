import { z } from 'zod';
import { ListRef } from './schema';

const TrelloId = z.string().regex(/^[0-9a-fA-F]{24}$/, 'a 24-hex Trello id');
// A webhook's lists are held to Trello's id format: a list id from here is sent back to Trello.
const WebhookListRef = ListRef.extend({ id: TrelloId });

/** The part of a webhook delivery the service relies on; Trello adds fields freely, so unknown keys pass. */
export const TrelloAction = z.object({
  id: TrelloId,
  type: z.string().min(1),
  date: z.iso.datetime({ offset: true }),
  idMemberCreator: z.string().min(1),
  appCreator: z.object({ id: z.string() }).nullish(),
  memberCreator: z
    .object({ id: z.string(), username: z.string(), fullName: z.string().nullish() })
    .optional(),
  data: z.object({
    board: z.object({ id: TrelloId, name: z.string().optional() }).optional(),
    card: z.object({ id: TrelloId, name: z.string().optional(), idList: TrelloId.optional() }).optional(),
    list: WebhookListRef.optional(),
    listBefore: WebhookListRef.optional(),
    listAfter: WebhookListRef.optional(),
  }),
});
export type TrelloAction = z.infer<typeof TrelloAction>;

export const WebhookBody = z.object({
  action: TrelloAction,
  // Only ids the service passes back to Trello are held to Trello's format; the rest is informative.
  model: z.object({ id: z.string() }),
});
export type WebhookBody = z.infer<typeof WebhookBody>;
