import type { Redis } from 'ioredis';
import type { BoardSummary } from '../../rules';
import { readRulesFile } from '../../server/config/read-rules-file';
import { seedHistory, type SeededHistory } from '../stack/seed-history';
import type { Stack } from '../stack/start-stack';

/** How many stations the demo's year of history has. */
export const DEMO_HISTORY_STATIONS = 60;

/**
 * A year of the board's past (stations, stage histories, decisions), so the director's «Сводка» has
 * something to say. It goes in before any live move: the audit log's stream takes only newer ids after.
 */
export async function seedDemoHistory(stack: Stack, redis: Redis): Promise<SeededHistory> {
  return seedHistory({
    sim: stack.sim,
    board: stack.board,
    redis,
    prefix: stack.env.REDIS_PREFIX,
    config: readRulesFile(stack.env.RULES_FILE),
    now: new Date(),
    stations: DEMO_HISTORY_STATIONS,
    months: 12,
  });
}

/** The summary as the Power-Up asks for it: the director's t.jwt() token, the service's own URL. */
export async function fetchSummary(stack: Stack, query = ''): Promise<BoardSummary> {
  const token = stack.sim.mintPowerUpJwt({ idMember: stack.board.members.director.id, idBoard: stack.board.boardId });
  const url = `${stack.env.PUBLIC_URL}/api/boards/${stack.board.boardId}/summary${query}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as BoardSummary;
}

/**
 * What the director reads first, in one sentence: «Подключение станции: медиана 6,9 рабочего дня в
 * этом месяце (4 подключения), в прошлом — 5,0 (3 подключения); за 12 месяцев — 8,1 (42 подключения);
 * по месяцам: 10,2 → … → 6,9». `year` is the summary over the headline's twelve months.
 */
export function headlineSentence(summary: BoardSummary, year: BoardSummary): string {
  const { label, thisMonth, lastMonth, trend } = summary.headline;
  const course = trend.some((m) => m.median !== null) ? `; по месяцам: ${trend.map((m) => (m.median === null ? '—' : days(m.median))).join(' → ')}` : '';
  const yearStats = year.onboardings.stats;
  return (
    `${label.ru}: ${thisMonth.median === null ? 'в этом месяце подключений нет' : `медиана ${days(thisMonth.median)} рабочего дня в этом месяце (${onboardings(thisMonth.count)})`}, ` +
    `в прошлом — ${lastMonth.median === null ? 'подключений не было' : `${days(lastMonth.median)} (${onboardings(lastMonth.count)})`}; ` +
    `за 12 месяцев — ${yearStats.median === null ? 'подключений не было' : `${days(yearStats.median)} (${onboardings(yearStats.count)})${course}`}`
  );
}

/** The board now: how many stations are on their way, and who is late the longest. */
export function pipelineSentence(summary: BoardSummary): string {
  const main = summary.pipeline.filter((s) => !s.side);
  const onTheirWay = main.slice(0, -1).reduce((sum, s) => sum + s.cards.length, 0);
  const late = summary.overdue[0];
  const lateText = late ? `; дольше всех сверх срока «${late.name}» в «${late.stage}» (+${days(late.overdueDays)} рабочего дня)` : '';
  return `Сейчас в работе ${onTheirWay} ${plural(onTheirWay, 'станция', 'станции', 'станций')}, просрочено: ${summary.overdue.length}${lateText}.`;
}

/** The commonest reason a move was refused in the period. */
export function refusalSentence(summary: BoardSummary): string {
  const top = summary.refusals.byReason[0];
  if (!top) return 'Отказов за период не было.';
  return `Отказов за 90 дней: ${summary.refusals.total}; чаще всего — ${top.ru} (этап «${top.stage}», ${top.count} ${plural(top.count, 'раз', 'раза', 'раз')}).`;
}

const days = (value: number | null) => (value ?? 0).toFixed(1).replace('.', ',');

const onboardings = (count: number) => `${count} ${plural(count, 'подключение', 'подключения', 'подключений')}`;

export function plural(n: number, one: string, few: string, many: string): string {
  const [ten, hundred] = [n % 10, n % 100];
  if (ten === 1 && hundred !== 11) return one;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
  return many;
}

