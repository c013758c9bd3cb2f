import type { Stack } from '../stack/start-stack';
import { stationUpTo } from '../stack/station-data';

/** The stage a live station stops at, and the station data it has by then. */
type LiveStation = { name: string; stage: 'Новая заявка' | 'Техническая экспертиза' | 'Договор и оплата'; signedAndPaid?: boolean };

/**
 * A handful of stations the trainee works with, at different stages. Two of them are ready for
 * «Подключение» (contract signed, first payment in): only the director may put a card there, so a
 * manager's drag is reverted and the director's stays.
 */
export const SANDBOX_STATIONS: LiveStation[] = [
  { name: 'Радио Ромашка', stage: 'Договор и оплата', signedAndPaid: true },
  { name: 'Радио Ландыш', stage: 'Договор и оплата', signedAndPaid: true },
  { name: 'Радио Сирень', stage: 'Техническая экспертиза' },
  { name: 'Радио Жаворонок', stage: 'Новая заявка' },
];

/**
 * Walks the stations through the process as the team would (the same members and data as
 * `npm run demo`), with the service watching: each move is judged, and the history, the stage clocks
 * and the next owners' notices are real. Answers the cards' ids, in SANDBOX_STATIONS' order.
 */
export async function seedSandboxStations(stack: Stack): Promise<string[]> {
  const ui = (who: string) => stack.sim.ui(who);
  const cards = SANDBOX_STATIONS.map((s) => ({ ...s, id: ui('manager').createCard('Новая заявка', s.name) }));
  const fill = (who: string, id: string, name: string, part: Parameters<typeof stationUpTo>[0]) =>
    ui(who).setPluginData(id, { station: { ...stationUpTo(part), 'station.name': name } });
  const step = async (act: (card: (typeof cards)[number]) => void, stations = cards) => {
    for (const card of stations) act(card);
    await stack.settle();
  };
  await step((c) => fill('manager', c.id, c.name, 'basics'));
  const beyond = (stage: LiveStation['stage']) => cards.filter((c) => order(c.stage) >= order(stage));
  await step((c) => {
    fill('engineer', c.id, c.name, 'streams');
    ui('manager').moveCard(c.id, 'Сбор данных');
  }, beyond('Техническая экспертиза'));
  await step((c) => ui('manager').moveCard(c.id, 'Техническая экспертиза'), beyond('Техническая экспертиза'));
  await step((c) => {
    fill('manager', c.id, c.name, 'review');
    ui('engineer').moveCard(c.id, 'Договор и оплата');
  }, beyond('Договор и оплата'));
  await step((c) => fill('manager', c.id, c.name, c.signedAndPaid ? 'contractSignedAndPaid' : 'contractDrafted'), beyond('Договор и оплата'));
  for (const card of cards) {
    const list = stack.sim.card(card.id).listName;
    if (list !== card.stage) throw new Error(`sandbox: «${card.name}» was meant to stop in «${card.stage}» but is in «${list}»: the rules or the station data changed`);
  }
  return cards.map((c) => c.id);
}

function order(stage: LiveStation['stage']): number {
  return ['Новая заявка', 'Техническая экспертиза', 'Договор и оплата'].indexOf(stage);
}
