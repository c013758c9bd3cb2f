import type { CardSnapshot } from '../../../rules';
import type { BoardCard } from '../../../rules/preview';
import { readyCardFor, withStation } from '../station-builders';

/** A card of the board in `listName`, as the dry run reads one. */
export function boardCard(cardId: string, listName: string, snapshot: CardSnapshot, name = `Радио ${cardId}`): BoardCard {
  return { cardId, name, url: `https://trello.com/c/${cardId}`, listName, snapshot: { ...snapshot, name } };
}

/** Everything every gate up to `stageList` asks for, but the bank's BIK (and the account checked against it). */
export function withoutBik(stageList: string): CardSnapshot {
  return withStation(readyCardFor(stageList), { 'org.bik': undefined, 'org.account': undefined });
}
