import { Queue } from 'bullmq';
import { DEADLINES_QUEUE, deadlineJobId } from '../../server/deadlines/deadline-job';
import { rebuiltKey } from '../../server/deadlines/history-rebuilds';
import { createStageHistory } from '../../server/store/stage-history';
import { until } from '../helpers/until';
import { stationUpTo } from '../stack/station-data';
import { startE2E, type E2E } from './e2e-kit';

// A working hour passes in 150 ms: «Подключение» (2 working days) runs out 2.7 s after a card
// enters it and escalates 1.35 s later, whatever day and hour the test runs at.
const WORKING_HOUR_MS = 150;

let e2e: E2E;
let deadlines: Queue;
beforeAll(async () => {
  e2e = await startE2E('deadlines', { env: { DEADLINE_WORKING_HOUR_MS: String(WORKING_HOUR_MS) } });
  deadlines = new Queue(DEADLINES_QUEUE, { connection: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
});
afterAll(async () => {
  await deadlines.close();
  await e2e.close();
});

const ui = (who: string) => e2e.sim.ui(who);
const serviceComments = (cardId: string) => e2e.sim.comments(cardId).filter((c) => c.memberCreator === 'gatekeeper');
const history = () => createStageHistory({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX });

/** The deadline jobs scheduled for the card's current visit, pending or already fired. */
async function scheduledFor(cardId: string): Promise<string[]> {
  const visit = (await history().current(cardId))!;
  const ids = (['deadline', 'escalation'] as const).map((kind) => deadlineJobId(kind, { cardId, ...visit }));
  const jobs = await Promise.all(ids.map((id) => deadlines.getJob(id)));
  return jobs.flatMap((job) => (job ? [job.name] : []));
}

describe('when a card sits in «Подключение» past its limit', () => {
  it('tells the engineer when the two working days run out, then the director a working day later', async () => {
    const id = await e2e.stationCard('Радио Вектор', stationUpTo('contractSignedAndPaid'), 'Подключение');
    const visit = (await history().current(id))!;
    const [deadline, escalation] = await Promise.all(
      (['deadline', 'escalation'] as const).map((kind) => deadlines.getJob(deadlineJobId(kind, { cardId: id, ...visit }))),
    );
    // A working day of the calendar (9 hours) between the two, on the shortened clock.
    expect(escalation!.delay - deadline!.delay).toBeCloseTo(9 * WORKING_HOUR_MS, -2);

    const late = (to: string) =>
      serviceComments(id).find((c) => c.text.startsWith(to) && c.text.includes('«Подключение»') && !c.text.includes('ваш этап'));
    await until('the engineer is reminded and the director hears of it', () => Boolean(late('@engineer') && late('@director')));
    expect(late('@engineer')!.text).toMatch(/срок этапа истёк/);
    expect(late('@director')!.text).toMatch(/^@director, станция «Радио Вектор» застряла в «Подключение».*\. Ответственный: Евгений Инженеров \(@engineer\)\.$/);
    expect(Date.parse(late('@director')!.date)).toBeGreaterThan(Date.parse(late('@engineer')!.date));
  });
});

describe('when the card moves on in time', () => {
  it('cancels the deadlines of the stage it left and starts the clock of the next one', async () => {
    const id = await e2e.stationCard('Радио Волна', stationUpTo('contractSignedAndPaid'), 'Подключение');
    const inConnection = (await history().current(id))!;
    ui('engineer').setPluginData(id, { station: stationUpTo('live') });
    ui('engineer').moveCard(id, 'Выдача доступов');
    await e2e.settle();

    for (const kind of ['deadline', 'escalation'] as const) {
      expect(await deadlines.getJob(deadlineJobId(kind, { cardId: id, ...inConnection }))).toBeUndefined();
    }
    expect(await scheduledFor(id)).toEqual(['deadline']);
    // Past the moment «Подключение» would have run out.
    await new Promise((r) => setTimeout(r, 18 * WORKING_HOUR_MS + 500));
    expect(serviceComments(id).filter((c) => c.text.includes('срок') && c.text.includes('«Подключение»'))).toEqual([]);
  });
});

describe('when the accountant suspends an active client for debt and later resumes it', () => {
  it('tells the engineers to stop, then to resume, and keeps the suspension apart in the history', async () => {
    const id = await activeClient('Радио Должник');
    ui('accountant').moveCard(id, 'Приостановлен (задолженность)');
    await e2e.settle();
    const suspended = serviceComments(id).at(-1)!.text;
    ui('accountant').moveCard(id, 'Активный клиент');
    await e2e.settle();

    expect(suspended).toMatch(/^@engineer, станция «Радио Должник» приостановлена за задолженность — остановите вещание/);
    expect(serviceComments(id).some((c) => c.text.includes('перешла в «Приостановлен'))).toBe(false);
    expect(serviceComments(id).map((c) => c.text).join('\n')).toMatch(/@engineer, станция «Радио Должник» снова активна — возобновите вещание/);
    const visits = (await history().all(id)).slice(-3).map((v) => `${v.stage}:${v.kind ?? 'stage'}`);
    expect(visits).toEqual(['Активный клиент:stage', 'Приостановлен (задолженность):suspension', 'Активный клиент:stage']);
  });
});

describe('when a card has no stage history (it was on the board before the service)', () => {
  it('rebuilds its visit from its Trello actions at the next start and schedules its deadlines', async () => {
    const id = await e2e.stationCard('Радио Старожил', stationUpTo('review'), 'Договор и оплата');
    const moved = e2e.sim.actions({ cardId: id, type: 'updateCard' }).at(-1)!;
    await e2e.redis.del(`${e2e.env.REDIS_PREFIX}:card:${id}:stages`, rebuiltKey(e2e.env.REDIS_PREFIX, e2e.board.boardId));

    await e2e.addWorker();
    await until('the board\'s history is rebuilt', async () => (await e2e.redis.exists(rebuiltKey(e2e.env.REDIS_PREFIX, e2e.board.boardId))) === 1);

    expect(await history().all(id)).toEqual([
      { stage: 'Договор и оплата', listId: e2e.board.lists['Договор и оплата'], enteredAt: moved.date, leftAt: null, actionId: moved.id },
    ]);
    expect(await scheduledFor(id)).toEqual(['deadline']);
  });
});

/** A card that passed every gate up to «Активный клиент», moved there by the director. */
async function activeClient(name: string): Promise<string> {
  const id = ui('manager').createCard('Новая заявка', name);
  ui('manager').setPluginData(id, { station: { ...stationUpTo('live'), 'station.name': name } });
  for (const [checklist, items] of CHECKLISTS) {
    ui('accountant').addChecklist(id, checklist, items);
    for (const item of items) ui('accountant').checkItem(id, checklist, item);
  }
  ui('director').moveCard(id, 'Активный клиент');
  await e2e.settle();
  if (e2e.sim.card(id).listName !== 'Активный клиент') throw new Error(`setting up "${name}": not in «Активный клиент»`);
  return id;
}

const CHECKLISTS: [string, string[]][] = [
  ['Запуск', ['Потоки добавлены', 'Опции включены', 'Воспроизведение проверено', 'Доступы отправлены клиенту']],
  ['Регистрация клиента', ['Биллинг', 'Учётная система', 'Роялти за стороннее ПО', 'CRM', 'Список клиентов']],
];
