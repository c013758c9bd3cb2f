import { DEFAULT_DEMO_LISTS } from '../simulator/seed-demo-board';
import { ROMASHKA, stationUpTo } from '../stack/station-data';

export type ChaosSize = { cards: number; moves: number; seed: number };

/** One person's drag; `soon` ones follow the previous move of the same card within a second. */
export type PlannedMove = { card: number; to: string; by: string; soon: boolean };

/** Where in the worker's work a SIGKILL lands: the three points a revert can be cut at. */
export type CrashPoint = 'after-read' | 'after-move-back' | 'after-comment';

export type Fault =
  | { kind: 'kill-worker'; at: CrashPoint }
  | { kind: 'restart-redis' }
  | { kind: 'trello-storm'; status: 429 | 500; requests: number };

export type ChaosPlan = {
  /** Each card's station data and the stage the director puts it in before the chaos begins. */
  cards: Array<{ name: string; station: Record<string, unknown>; start: string }>;
  moves: PlannedMove[];
  /** Faults keyed by the index of the move they come before. */
  faults: Map<number, Fault>;
};

const MOVERS = ['manager', 'engineer', 'director', 'accountant'];
const PARTS = Object.keys(ROMASHKA) as (keyof typeof ROMASHKA)[];
// The furthest stage each amount of data lets the director reach without a refusal.
const REACH: Record<keyof typeof ROMASHKA, string> = {
  basics: 'Сбор данных', streams: 'Техническая экспертиза', review: 'Договор и оплата', contractDrafted: 'Договор и оплата',
  contractSignedAndPaid: 'Подключение', live: 'Выдача доступов',
};

/** A reproducible chaos: the same seed makes the same cards, moves and faults. */
export function chaosPlan(size: ChaosSize): ChaosPlan {
  const random = mulberry32(size.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cards = Array.from({ length: size.cards }, (_, n) => {
    const part = pick(PARTS);
    const reach = DEFAULT_DEMO_LISTS.indexOf(REACH[part]);
    return { name: `Радио Хаос №${n + 1}`, station: stationUpTo(part), start: DEFAULT_DEMO_LISTS[Math.floor(random() * (reach + 1))]! };
  });
  const moves: PlannedMove[] = [];
  while (moves.length < size.moves) {
    const card = Math.floor(random() * size.cards);
    moves.push({ card, to: pick(DEFAULT_DEMO_LISTS), by: pick(MOVERS), soon: false });
    // Some cards are dragged twice within a second: the second move races the first one's revert.
    if (random() < 0.2 && moves.length < size.moves) moves.push({ card, to: pick(DEFAULT_DEMO_LISTS), by: pick(MOVERS), soon: true });
  }
  const at = (fraction: number) => Math.floor(size.moves * fraction);
  const faults = new Map<number, Fault>([
    [at(0.15), { kind: 'kill-worker', at: 'after-read' }],
    [at(0.3), { kind: 'restart-redis' }],
    [at(0.45), { kind: 'kill-worker', at: 'after-move-back' }],
    [at(0.55), { kind: 'trello-storm', status: 429, requests: 40 }],
    [at(0.7), { kind: 'restart-redis' }],
    [at(0.8), { kind: 'kill-worker', at: 'after-comment' }],
    [at(0.9), { kind: 'trello-storm', status: 500, requests: 30 }],
  ]);
  return { cards, moves, faults };
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
