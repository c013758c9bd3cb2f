import type { CardStatus } from './api-contract';

/** What Trello's own card object says, cheaply, about the card now. */
export type CardFacts = { idList: string; checkItems: number; checkItemsChecked: number };

/**
 * Whether the board status (fetched once for all cards, kept ~30 s) still describes this card.
 * Trello re-runs the badges when a card changes; if the card has since moved or had an item
 * ticked, its list or its checklist counts differ from the status, and the status is refetched.
 */
export function statusIsFresh(card: CardFacts, status: CardStatus | undefined): boolean {
  if (!status || status.listId !== card.idList) return false;
  const items = status.checklists.flatMap((c) => c.items);
  return items.length === card.checkItems && items.filter((i) => i.complete).length === card.checkItemsChecked;
}
