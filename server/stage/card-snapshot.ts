import type { Logger } from 'pino';
import type { CardSnapshot, Station } from '../../rules';
import { readStation } from '../../rules/fields/read-station';
import type { TrelloCard, TrelloChecklist } from '../trello/schema';

/**
 * What the rules see of a card. Station data is the Power-Up's shared card pluginData
 * (`t.set('card','shared','station',…)` stores `{"station":{…}}` as one JSON string, reference docs/trello-reference.md §3.6).
 */
export function toCardSnapshot(card: TrelloCard, powerUpId: string, log: Logger): CardSnapshot {
  return {
    name: card.name,
    station: stationOf(card, powerUpId, log),
    checklists: snapshotChecklists(card.checklists),
  };
}

/** Trello's checklists as the rules (and the Power-Up's status) read them. */
export function snapshotChecklists(checklists: TrelloChecklist[]): CardSnapshot['checklists'] {
  return checklists.map((list) => ({
    name: list.name,
    items: list.checkItems.map((item) => ({ name: item.name, complete: item.state === 'complete' })),
  }));
}

/**
 * The station object in the item's JSON, read without prototypes: anyone who can edit the card
 * writes it. Any card read with its pluginData will do (a board's cards for the exports too).
 */
export function stationOf(card: Pick<TrelloCard, 'id' | 'pluginData'>, powerUpId: string, log: Logger): Station {
  const item = card.pluginData.find(
    (p) => p.idPlugin === powerUpId && p.scope === 'card' && p.access === 'shared',
  );
  return readStation(item ? storedStation(item.value, card.id, log) : undefined);
}

function storedStation(json: string, cardId: string, log: Logger): unknown {
  try {
    const stored: unknown = JSON.parse(json);
    return isRecord(stored) ? stored['station'] : undefined;
  } catch (err) {
    // A corrupt value reads as "nothing filled in": the gate then names what is missing.
    log.warn({ err, cardId }, 'station pluginData is not valid JSON');
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
