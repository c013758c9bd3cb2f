import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import type { CardSnapshot } from '../../rules';
import { languageOf } from '../i18n/message';
import type { PowerUpRules, StageMovers, StageTime } from '../model/api-contract';
import { readStation } from '../model/rules-runtime';
import type { BoardSources } from './board-sources';

/** Everything the badges, the button and the form know about one card. */
export type CardView = {
  cardId: string;
  config: PowerUpRules;
  listName: string;
  card: CardSnapshot;
  /** Null when the server has no time for the card or its status describes another list. */
  time: StageTime | null;
  /** Who may move cards into the gated stages, for this member. */
  movers: StageMovers;
  locale: string;
  language: 'ru' | 'en';
};

/**
 * Reads a card from Trello (list, checklist counts, the station data via t.get: all in-frame
 * messages, no network) and joins it with the shared rules and board status. The only requests it
 * can cause are the shared ones.
 */
export async function loadCardView(t: HostHandlers, sources: BoardSources): Promise<CardView> {
  const [card, lists, station, config] = await Promise.all([
    t.card('id', 'name', 'idList', 'badges'),
    t.lists('id', 'name'),
    t.get<unknown>('card', 'shared', 'station', {}),
    sources.config(t),
  ]);
  const facts = { idList: card.idList, checkItems: card.badges?.checkItems ?? 0, checkItemsChecked: card.badges?.checkItemsChecked ?? 0 };
  const status = await sources.cardStatus(t, card.id, facts);
  const movers = await sources.movers(t);
  const locale = pageLocale(t);
  return {
    cardId: card.id,
    config,
    listName: lists.find((list) => list.id === card.idList)?.name ?? '',
    // Anyone who can edit the card writes the station: read it without prototypes.
    card: { name: card.name, station: readStation(station), checklists: status?.checklists ?? [] },
    time: status && status.listId === card.idList ? status.time : null,
    movers,
    locale,
    language: languageOf(locale),
  };
}

/** The locale Trello picked from the supported ones (window.locale), else the member's. */
export function pageLocale(t: HostHandlers): string {
  return (typeof window !== 'undefined' && window.locale) || t.getContext().locale || 'ru';
}
