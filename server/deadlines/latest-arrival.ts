import type { TrelloListArrival } from '../trello/schema';

export type Arrival = { at: string; actionId: string };

/**
 * When a card came into the list it is in now, from its actions (newest first, as Trello sends
 * them): the newest one that put it there. A revert counts as an arrival, so a card refused in
 * between may get a clock that started at the revert; that errs on the patient side.
 * Without such an action (a type the filter does not ask for, or a history Trello has trimmed),
 * the card's creation time, which every Trello id carries in its first 8 hex digits.
 */
export function latestArrival(arrivals: TrelloListArrival[], cardId: string, listId: string): Arrival {
  const found = arrivalInto(arrivals, listId);
  if (found) return { at: found.date, actionId: found.id };
  return { at: new Date(parseInt(cardId.slice(0, 8), 16) * 1000).toISOString(), actionId: `created-${cardId}` };
}

/** The newest of a card's arrivals (newest first, as Trello sends them) that put it into `listId`. */
export function arrivalInto(arrivals: TrelloListArrival[], listId: string): TrelloListArrival | undefined {
  return arrivals.find((action) => (action.data.listAfter ?? action.data.list)?.id === listId);
}
