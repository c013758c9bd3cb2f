import pino from 'pino';
import { Redis } from 'ioredis';
import { deleteKeys } from '../helpers/redis';
import { startStack, type Stack } from '../stack/start-stack';
import { ROMASHKA } from '../stack/station-data';
import { DEMO_WORKING_HOUR_MS, playDeadlineStory } from './deadline-story';
import {
  DEMO_HISTORY_STATIONS, fetchSummary, headlineSentence, pipelineSentence, plural, refusalSentence, seedDemoHistory,
} from './director-headline';
import { reachableOrPrivateRedis } from './private-redis';
import { createStoryteller } from './storyteller';

/**
 * `npm run demo`: the product end to end on the Trello simulator. The board has a year of history,
 * and the director's «Сводка» sums it up; then a station walks the onboarding process, the service
 * reverts what breaks a gate and tells each stage's owner; a second station overstays a stage's
 * limit on a shortened clock. Exits 0, leaves nothing running.
 */
async function main(): Promise<void> {
  const tell = createStoryteller(process.stdout);
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', tell.note);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-demo-${process.pid}`;
  let stack: Stack | undefined;
  try {
    const env = { DEADLINE_WORKING_HOUR_MS: String(DEMO_WORKING_HOUR_MS) };
    stack = await startStack({ redisUrl: redisHandle.url, prefix, redis, env, log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) });
    tell.title('Gatekeeper — демонстрация на симуляторе Trello');
    tell.note(`Доска с 9 колонками процесса, участники: director, manager, engineer, accountant; сервис работает как @gatekeeper.`);
    await showYearOfHistory(stack, redis, tell);
    await playStory(stack, tell);
    await playDeadlineStory(stack, tell);
  } finally {
    await stack?.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await redisHandle.stop();
  }
}

async function playStory(stack: Stack, tell: ReturnType<typeof createStoryteller>): Promise<void> {
  const ui = (who: string) => stack.sim.ui(who);
  let station: Record<string, unknown> = {};
  const fill = (who: string, part: Record<string, unknown>) => {
    station = { ...station, ...part };
    ui(who).setPluginData(card, { station });
  };
  const card = ui('manager').createCard('Новая заявка', 'Радио Ромашка');
  const step = async (text: string, act: () => void) => {
    act();
    await stack.settle();
    tell.step(text, stack.sim.card(card), stack.sim.comments(card));
  };

  await step('Менеджер заводит карточку «Радио Ромашка» и вносит название станции и контакт', () => fill('manager', ROMASHKA.basics));
  await step('manager → «Сбор данных»', () => ui('manager').moveCard(card, 'Сбор данных'));
  await step('Инженер вносит поток; manager → «Техническая экспертиза»', () => {
    fill('engineer', ROMASHKA.streams);
    ui('manager').moveCard(card, 'Техническая экспертиза');
  });
  await step('Экспертиза пройдена, реквизиты внесены; engineer → «Договор и оплата»', () => {
    fill('manager', ROMASHKA.review);
    ui('engineer').moveCard(card, 'Договор и оплата');
  });
  await step('Договор ещё не подписан, а менеджер уже тянет карточку в «Подключение»', () => {
    fill('manager', ROMASHKA.contractDrafted);
    ui('manager').moveCard(card, 'Подключение');
  });
  await step('Договор подписан, первый платёж пришёл; manager снова → «Подключение»', () => {
    fill('manager', ROMASHKA.contractSignedAndPaid);
    ui('manager').moveCard(card, 'Подключение');
  });
  await step('Директор сам переносит карточку в «Подключение»', () => ui('director').moveCard(card, 'Подключение'));
  await step('Потоки заведены в вещание; engineer → «Выдача доступов»', () => {
    fill('engineer', ROMASHKA.live);
    ui('engineer').moveCard(card, 'Выдача доступов');
  });
  await step('Инженер отмечает чек-лист «Запуск» и передаёт в «Регистрация в учёте»', () => {
    for (const item of ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту']) ui('engineer').checkItem(card, 'Запуск', item);
    ui('engineer').moveCard(card, 'Регистрация в учёте');
  });
  await step('Бухгалтер отметила 3 из 5 пунктов и спешит в «Активный клиент»', () => {
    for (const item of ['Биллинг', 'Учётная система', 'CRM']) ui('accountant').checkItem(card, 'Регистрация клиента', item);
    ui('accountant').moveCard(card, 'Активный клиент');
  });
  await step('Бухгалтер закончила регистрацию; accountant → «Активный клиент»', () => {
    for (const item of ['Роялти за стороннее ПО', 'Список клиентов']) ui('accountant').checkItem(card, 'Регистрация клиента', item);
    ui('accountant').moveCard(card, 'Активный клиент');
  });
  const final = stack.sim.card(card).listName;
  if (final !== 'Активный клиент') throw new Error(`the story went wrong: the card ended in «${final}»`);
  const { steps, reverts, notices } = tell.counts();
  tell.done(`«Радио Ромашка» — активный клиент. Шагов: ${steps}; переносов отменено: ${reverts}; владельцам этапов отправлено уведомлений: ${notices}.`);
}

/** A year of the board's past, and what the director's «Сводка» makes of it (the real summary API). */
async function showYearOfHistory(stack: Stack, redis: Redis, tell: ReturnType<typeof createStoryteller>): Promise<void> {
  const seeded = await seedDemoHistory(stack, redis);
  const { completed, inProgress, decisions } = seeded.counts;
  tell.note(`История за год: ${DEMO_HISTORY_STATIONS} станций (${completed} подключено, ${inProgress} в работе), ${decisions} ${plural(decisions, 'решение', 'решения', 'решений')} в журнале.`);
  const summary = await fetchSummary(stack);
  const year = await fetchSummary(stack, `?from=${summary.headline.trend[0]!.month}-01`);
  tell.done('Сводка директора (GET /api/boards/:boardId/summary)');
  tell.remark(headlineSentence(summary, year));
  tell.remark(pipelineSentence(summary));
  tell.remark(refusalSentence(summary));
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`demo failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
