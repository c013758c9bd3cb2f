import type { Job, Worker } from 'bullmq';
import type { ProcessConfig } from '../../../rules';
import { realClock } from '../../../server/deadlines/deadline-clock';
import { createDeadlineWorker } from '../../../server/deadlines/deadline-worker';
import type { DeadlineScheduler } from '../../../server/deadlines/deadline-scheduler';
import { createTrelloError } from '../../../server/trello/errors';
import type { TrelloCard, TrelloMember } from '../../../server/trello/schema';
import type { StageEntry } from '../../../server/store/stage-history';
import { recordedLog } from '../../helpers/recorded-log';
import { testLog } from '../../helpers/silent-log';
import { until } from '../../helpers/until';
import { CARD, deadlineConfig, entryInto, moscow, recordingNotifier, startDeadlineKit, type DeadlineKit } from './deadline-kit';

const ENTERED = moscow('2026-11-20 10:00');
const DEADLINE = moscow('2026-11-20 12:00');
const ESCALATION = moscow('2026-11-20 13:00');

let kit: DeadlineKit;
let notifier: ReturnType<typeof recordingNotifier>;
/** Where Trello has the card: in B's list and open, unless a test moves it. */
let trelloCard: Partial<TrelloCard> | 'deleted';
/** The board's members as Trello lists them: bob has a full name, carol is not on the board. */
let boardMembers: () => Promise<TrelloMember[]>;
const config: ProcessConfig = deadlineConfig();

let workers: Worker[] = [];
beforeEach(async () => {
  kit = await startDeadlineKit('deadline-firing');
  notifier = recordingNotifier();
  trelloCard = { idList: 'list-B', closed: false };
  boardMembers = async () => [{ id: 'm-bob', username: 'bob', fullName: 'Борис Клерков' }];
});
afterEach(() => kit.close(...workers.splice(0)));

const trello = {
  async getCard(cardId: string): Promise<TrelloCard> {
    if (trelloCard === 'deleted') {
      const failure = { code: 'trello_not_found', status: 404, method: 'GET', path: `/1/cards/${cardId}`, detail: 'not found' } as const;
      throw createTrelloError(failure, 1);
    }
    const card = { id: cardId, name: 'Радио Ромашка', idBoard: CARD.boardId, closed: false, idList: 'list-B', idShort: 1 };
    return { ...card, shortUrl: 'https://trello.com/c/AbCd1234', url: '', list: { id: 'list-B', name: 'B' }, checklists: [], pluginData: [], ...trelloCard };
  },
  getBoardLists: () => Promise.reject(new Error('not in this test')),
  getBoardCards: () => Promise.reject(new Error('not in this test')),
  getCardArrivals: () => Promise.reject(new Error('not in this test')),
};

function startWorker(scheduler: DeadlineScheduler, dryRun = false, log = testLog()): Worker {
  const worker = createDeadlineWorker({
    connection: kit.redis, prefix: kit.prefix, log,
    deps: { history: kit.history, trello, lookups: { members: () => boardMembers() }, dryRun, redis: kit.redis, prefix: kit.prefix },
    rules: async () => ({ config, rulesVersion: 1, notifier, deadlines: scheduler }),
  });
  workers.push(worker);
  return worker;
}

/** A scheduler whose clock stands `msBefore` the instant, so that the job is due that soon. */
const schedulerDueIn = (msBefore: number, instant: Date) => kit.scheduler(config, realClock(() => instant.getTime() - msBefore));

async function finished(kind: 'deadline' | 'escalation', entry: StageEntry): Promise<Job> {
  await until(`the ${kind} job completed`, async () => (await (await kit.job(kind, entry))?.getState()) === 'completed');
  return (await kit.job(kind, entry))!;
}

describe('when a deadline comes due', () => {
  it("tells the stage's owners, then its controllers on escalation", async () => {
    const scheduler = schedulerDueIn(150, ESCALATION);
    startWorker(scheduler);
    const entry = entryInto('B', ENTERED);
    await kit.enter(scheduler, entry);

    await until('both notices are sent', () => notifier.sent.length === 2);
    expect(notifier.sent).toEqual([
      {
        kind: 'deadline-passed', actionId: `deadline-${CARD.cardId}-list-B-${ENTERED.getTime()}`, boardId: CARD.boardId, cardId: CARD.cardId,
        cardName: 'Радио Ромашка', cardUrl: 'https://trello.com/c/AbCd1234', stage: 'B', enteredAt: entry.at, deadline: DEADLINE.toISOString(),
        limit: { hours: 2 }, recipients: ['bob', 'carol'],
      },
      {
        kind: 'deadline-escalated', actionId: `escalation-${CARD.cardId}-list-B-${ENTERED.getTime()}`, boardId: CARD.boardId, cardId: CARD.cardId,
        cardName: 'Радио Ромашка', cardUrl: 'https://trello.com/c/AbCd1234', stage: 'B', enteredAt: entry.at, deadline: DEADLINE.toISOString(),
        owners: ['bob', 'carol'], ownerNames: ['Борис Клерков', ''], recipients: ['alice'],
      },
    ]);
  });

  it('still escalates, naming the owners by username, when Trello cannot list the board’s members (logged at warn)', async () => {
    boardMembers = () => Promise.reject(createTrelloError({ code: 'trello_server_error', status: 500, method: 'GET', path: '/1/boards/x/members', detail: '' }, 2));
    const recorded = recordedLog();
    const scheduler = schedulerDueIn(150, ESCALATION);
    startWorker(scheduler, false, recorded.log);
    await kit.enter(scheduler, entryInto('B', ENTERED));

    await until('both notices are sent', () => notifier.sent.length === 2);
    const escalated = notifier.sent.find((n) => n.kind === 'deadline-escalated')!;
    expect(escalated).toMatchObject({ owners: ['bob', 'carol'], recipients: ['alice'] });
    expect(escalated).not.toHaveProperty('ownerNames');
    expect(recorded.at('warn').map((line) => line.msg)).toContain('board members could not be read: messages name usernames only');
  });

  it('does nothing when it fires for a visit the card has left (a cancel that came too late)', async () => {
    const scheduler = schedulerDueIn(300, DEADLINE);
    startWorker(scheduler);
    const entry = entryInto('B', ENTERED);
    await kit.enter(scheduler, entry);
    // The card moves on, but the cancel is lost: only the history knows.
    await kit.history.enter(CARD.cardId, entryInto('C', moscow('2026-11-20 10:30')));

    expect((await finished('deadline', entry)).returnvalue).toEqual({ notice: null, stale: 'left-the-stage' });
    expect(notifier.sent).toEqual([]);
  });

  it.each([
    ['moved to a list outside the process', { idList: 'list-archive' }, 'card-left-the-list'],
    ['archived', { closed: true }, 'card-archived'],
    ['deleted', 'deleted', 'card-deleted'],
  ] as const)('does nothing for a card %s, which left no stage entry', async (_, card, reason) => {
    trelloCard = card;
    const scheduler = schedulerDueIn(50, DEADLINE);
    startWorker(scheduler);
    const entry = entryInto('B', ENTERED);
    await kit.enter(scheduler, entry);

    expect((await finished('deadline', entry)).returnvalue).toEqual({ notice: null, stale: reason });
    expect(notifier.sent).toEqual([]);
  });

  it('sends nothing in a dry run', async () => {
    const scheduler = schedulerDueIn(50, DEADLINE);
    startWorker(scheduler, true);
    const entry = entryInto('B', ENTERED);
    await kit.enter(scheduler, entry);

    expect((await finished('deadline', entry)).returnvalue).toEqual({ notice: 'deadline-passed', stale: null });
    expect(notifier.sent).toEqual([]);
  });
});

describe('a restart of the worker', () => {
  it('loses no deadline: the job waits in Redis for the next worker', async () => {
    const scheduler = schedulerDueIn(600, DEADLINE);
    const before = startWorker(scheduler);
    await kit.enter(scheduler, entryInto('B', ENTERED));
    await before.close();

    await new Promise((r) => setTimeout(r, 800));
    expect(notifier.sent).toEqual([]);
    startWorker(scheduler);
    await until('the notice is sent', () => notifier.sent.length === 1);
    expect(notifier.sent[0]).toMatchObject({ kind: 'deadline-passed', cardId: CARD.cardId });
  });
});
