import { z } from 'zod';

// Shapes of the Trello REST responses Gatekeeper reads, validated at the boundary.
// z.object strips keys we do not list: Trello keeps adding fields and we must not
// fail on them, but nothing past this file should depend on them either.
// Reference: https://developer.atlassian.com/cloud/trello/rest/ (see docs/trello-reference.md §3).

export const TrelloMember = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
});
export type TrelloMember = z.infer<typeof TrelloMember>;

/** GET /1/boards/{id}/memberships: a member's standing on the board. */
export const TrelloMembership = z.object({ idMember: z.string(), memberType: z.string() });

export const TrelloCheckItem = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['complete', 'incomplete']),
});
export type TrelloCheckItem = z.infer<typeof TrelloCheckItem>;

export const TrelloChecklist = z.object({
  id: z.string(),
  name: z.string(),
  checkItems: z.array(TrelloCheckItem).default([]),
});
export type TrelloChecklist = z.infer<typeof TrelloChecklist>;

// `value` is the JSON string of one whole t.set scope+visibility object (docs/trello-reference.md §3.6);
// parsing it is the caller's job because only the caller knows its Power-Up's shape.
export const TrelloPluginData = z.object({
  id: z.string(),
  idPlugin: z.string(),
  scope: z.string(),
  idModel: z.string(),
  value: z.string(),
  access: z.string(),
});
export type TrelloPluginData = z.infer<typeof TrelloPluginData>;

/** The fields every card response carries, including PUT /1/cards/{id}, which has no nested resources. */
export const TrelloCardSummary = z.object({
  id: z.string(),
  name: z.string(),
  idList: z.string(),
  idBoard: z.string(),
  closed: z.boolean(),
  shortUrl: z.string(),
  url: z.string(),
  idShort: z.number(),
});
export type TrelloCardSummary = z.infer<typeof TrelloCardSummary>;

/** GET /1/cards/{id} with list, checklists and pluginData: everything the worker judges a move by. */
export const TrelloCard = TrelloCardSummary.extend({
  list: z.object({ id: z.string(), name: z.string() }),
  // Trello omits the nested arrays when a card has none.
  checklists: z.array(TrelloChecklist).default([]),
  pluginData: z.array(TrelloPluginData).default([]),
});
export type TrelloCard = z.infer<typeof TrelloCard>;

/**
 * One item of GET /1/boards/{id}/cards as the Power-Up's status and the director's view read it:
 * where it is, what is ticked, who is on it; pluginData only when asked for (the exports).
 */
export const TrelloBoardCard = z.object({
  id: z.string(),
  name: z.string(),
  idList: z.string(),
  idMembers: z.array(z.string()).default([]),
  checklists: z.array(TrelloChecklist).default([]),
  pluginData: z.array(TrelloPluginData).default([]),
});
export type TrelloBoardCard = z.infer<typeof TrelloBoardCard>;

/** One item of GET /1/boards/{id}/cards as the reconciliation sweep reads it: which card is where. */
export const TrelloCardPlace = z.object({ id: z.string(), name: z.string(), idList: z.string() });
export type TrelloCardPlace = z.infer<typeof TrelloCardPlace>;

/** A list as Trello names it inside an action and as Gatekeeper stores it (events, audit, reverts). */
export const ListRef = z.object({ id: z.string(), name: z.string() });
export type ListRef = z.infer<typeof ListRef>;

/**
 * One action of GET /1/cards/{id}/actions that put the card into a list (docs/trello-reference.md §3.4): a move between
 * lists names it `listAfter`, a creation (copy, move from another board…) names it `list`.
 */
export const TrelloListArrival = z.object({
  id: z.string(),
  type: z.string(),
  date: z.string(),
  data: z.object({ list: ListRef.optional(), listAfter: ListRef.optional() }),
  /** Who made the move: the reconciliation sweep names the mover of a move it finds. */
  idMemberCreator: z.string().optional(),
  memberCreator: z.object({ username: z.string(), fullName: z.string() }).optional(),
});
export type TrelloListArrival = z.infer<typeof TrelloListArrival>;

/** One comment of GET /1/cards/{id}/actions?filter=commentCard. */
export const TrelloComment = z.object({ id: z.string(), date: z.string(), data: z.object({ text: z.string() }) });
export type TrelloComment = z.infer<typeof TrelloComment>;

export const TrelloList = z.object({
  id: z.string(),
  name: z.string(),
  closed: z.boolean(),
});
export type TrelloList = z.infer<typeof TrelloList>;

/** A list with its place on the board (GET /1/boards/{id}/lists with pos, and POST /1/lists's answer): what set-up places new lists by. */
export const TrelloListPlace = TrelloList.extend({ pos: z.number() });
export type TrelloListPlace = z.infer<typeof TrelloListPlace>;

export const TrelloWebhook = z.object({
  id: z.string(),
  description: z.string().default(''),
  idModel: z.string(),
  callbackURL: z.string(),
  active: z.boolean(),
  consecutiveFailures: z.number().optional(),
  firstConsecutiveFailDate: z.string().nullable().optional(),
});
export type TrelloWebhook = z.infer<typeof TrelloWebhook>;

/** POST /1/cards/{id}/idMembers answers with the card's members after the addition. */
export const TrelloCardMembers = z.array(TrelloMember);

/** Any response that is only needed for its id (a comment action, a new checklist). */
export const TrelloCreated = z.object({ id: z.string() });
export type TrelloCreated = z.infer<typeof TrelloCreated>;
