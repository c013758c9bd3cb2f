import type { HostCard, HostConfig } from './host-config';

/**
 * The board as Trello's t.card / t.list / t.lists / t.board / t.member answer it (the fields of
 * @types/trellopowerup's Card, List, Board, Member that the Power-Up asks for).
 */
export function createBoardModel(config: HostConfig) {
  const cards = new Map(config.cards.map((card) => [card.id, structuredClone(card)]));
  const find = (id: string | undefined): HostCard => {
    const card = id === undefined ? undefined : cards.get(id);
    if (!card) throw new Error(`[host] no card ${String(id)} on the board`);
    return card;
  };
  const cardJson = (card: HostCard) => {
    const items = card.checklists.flatMap((c) => c.items);
    return {
      id: card.id,
      name: card.name,
      idList: card.idList,
      closed: false,
      url: `https://trello.com/c/${card.id}`,
      // Trello's card badges count every item of every checklist on the card.
      badges: { checkItems: items.length, checkItemsChecked: items.filter((i) => i.complete).length },
    };
  };
  const listJson = (list: { id: string; name: string }) => ({
    ...list,
    cards: [...cards.values()].filter((card) => card.idList === list.id).map(cardJson),
  });
  return {
    cards: () => [...cards.values()],
    card: (id: string | undefined) => cardJson(find(id)),
    list: (cardId: string | undefined) => listJson(config.lists.find((list) => list.id === find(cardId).idList)!),
    lists: () => config.lists.map(listJson),
    board: () => ({ ...config.board, members: [memberJson(config)] }),
    member: () => memberJson(config),
    moveCard: (cardId: string, listId: string) => void (find(cardId).idList = listId),
    /** The board as Trello now has it (the sandbox re-reads the simulator's board). */
    replaceCards(next: HostCard[]) {
      cards.clear();
      for (const card of next) cards.set(card.id, structuredClone(card));
    },
  };
}

function memberJson(config: HostConfig) {
  return { ...config.member, initials: config.member.fullName.slice(0, 2), avatar: null };
}

export type BoardModel = ReturnType<typeof createBoardModel>;
