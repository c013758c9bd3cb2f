import type { Person, ReportCard } from '../../rules';
import type { Take } from '../store/responsibles';
import type { StageVisit } from '../store/stage-history';
import { peopleOf } from '../trello/board-lookups';
import type { TrelloBoardCard, TrelloMember } from '../trello/schema';
import type { ReportDeps } from './report-deps';

export type BoardReportData = {
  cards: ReportCard[];
  /** Trello's view of the same cards, in the same order. */
  trelloCards: TrelloBoardCard[];
  members: TrelloMember[];
  people: (username: string) => Person;
};

/**
 * Everything the summary is made from, in four reads whatever the board's size: its cards (the
 * cache the badges share), lists and members (cached lookups), and one Redis pipeline each for the
 * cards' stage histories and their takes.
 */
export async function boardReportData(deps: ReportDeps, boardId: string): Promise<BoardReportData> {
  const [trelloCards, lists, members] = await Promise.all([
    deps.boardCards.get(boardId),
    deps.lookups.lists(boardId),
    deps.lookups.members(boardId),
  ]);
  const ids = trelloCards.map((card) => card.id);
  const [histories, takes] = await Promise.all([deps.history.allOf(ids), deps.responsibles.allOf(ids)]);
  const listNames = new Map(lists.map((list) => [list.id, list.name]));
  const cards = trelloCards.map((card): ReportCard => {
    const visits = histories.get(card.id) ?? [];
    return {
      cardId: card.id,
      name: card.name,
      listName: listNames.get(card.idList) ?? '',
      visits,
      responsible: responsibleNow(visits, takes.get(card.id) ?? [], card.idList),
    };
  });
  return { cards, trelloCards, members, people: peopleOf(members) };
}

/** Who took the card in the visit it is in now; nobody when the open visit is of another list (a stale record). */
export function responsibleNow(visits: readonly StageVisit[], takes: readonly Take[], idList: string): Person | null {
  const open = visits.at(-1);
  if (!open || open.leftAt !== null || open.listId !== idList) return null;
  return personOf(takes.find((take) => take.visit === open.enteredAt) ?? null);
}

export function personOf(take: Take | null): Person | null {
  return take ? { username: take.username, fullName: take.fullName } : null;
}
