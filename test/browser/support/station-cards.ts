import type { HostCard } from '../host/trello/host-config';
import type { BrowserStack } from './start-browser-stack';

/**
 * A station card on the simulator's board, in `list`, with its station data stored the way the
 * Power-Up stores it; answered as the host board's card (same ids, lists and checklists).
 */
export function stationCard(stack: BrowserStack, name: string, list: string, station: Record<string, unknown> = {}): HostCard {
  const id = stack.sim.ui('manager').createCard('Новая заявка', name);
  if (Object.keys(station).length > 0) stack.sim.ui('manager').setPluginData(id, { station });
  // No webhook is registered in the browser stack, so nothing reverts this set-up move.
  if (list !== 'Новая заявка') stack.sim.ui('director').moveCard(id, list);
  return hostCard(stack, id);
}

/** The simulator's card as the host board shows it. */
export function hostCard(stack: Pick<BrowserStack, 'sim'>, id: string): HostCard {
  const card = stack.sim.card(id);
  return {
    id,
    name: card.name,
    idList: card.idList,
    checklists: card.checklists.map((c) => ({ name: c.name, items: c.checkItems.map((i) => ({ name: i.name, complete: i.state === 'complete' })) })),
  };
}
