import type { Worker } from 'bullmq';
import { realClock } from '../../../server/deadlines/deadline-clock';
import { createDeadlineWorker } from '../../../server/deadlines/deadline-worker';
import { createResponsibles } from '../../../server/store/responsibles';
import type { TrelloCard } from '../../../server/trello/schema';
import { testLog } from '../../helpers/silent-log';
import { until } from '../../helpers/until';
import { CARD, deadlineConfig, entryInto, moscow, recordingNotifier, startDeadlineKit, type DeadlineKit } from '../deadlines/deadline-kit';

const ENTERED = moscow('2026-11-20 10:00');
const ESCALATION = moscow('2026-11-20 13:00');
const config = deadlineConfig();

const trello = {
  getCard: async (cardId: string): Promise<TrelloCard> => ({
    id: cardId, name: 'Радио Ромашка', idBoard: CARD.boardId, closed: false, idList: 'list-B', idShort: 1,
    shortUrl: 'https://trello.com/c/AbCd1234', url: '', list: { id: 'list-B', name: 'B' }, checklists: [], pluginData: [],
  }),
  getBoardLists: () => Promise.reject(new Error('not in this test')),
  getBoardCards: () => Promise.reject(new Error('not in this test')),
  getCardArrivals: () => Promise.reject(new Error('not in this test')),
};

describe('the deadline of a card someone took («Беру»)', () => {
  let kit: DeadlineKit;
  let worker: Worker | undefined;
  beforeEach(async () => {
    kit = await startDeadlineKit('take-deadline');
  });
  afterEach(() => kit.close(...(worker ? [worker] : [])));

  it('reminds the one who took it, and names them to the controllers on escalation', async () => {
    const notifier = recordingNotifier();
    const scheduler = kit.scheduler(config, realClock(() => ESCALATION.getTime() - 150));
    worker = createDeadlineWorker({
      connection: kit.redis, prefix: kit.prefix, log: testLog(),
      rules: async () => ({ config, rulesVersion: 1, notifier, deadlines: scheduler }),
      deps: {
        history: kit.history, trello, dryRun: false, redis: kit.redis, prefix: kit.prefix,
        // The taker's name came with the take: the board's members are not read.
        lookups: { members: () => Promise.reject(new Error('not read for a card someone took')) },
      },
    });
    const entry = entryInto('B', ENTERED);
    // carol (a clerk, the stage's owner role with bob) took the card in this very visit.
    await createResponsibles({ redis: kit.redis, prefix: kit.prefix }).take(CARD.cardId, {
      stage: 'B', visit: entry.at, username: 'carol', fullName: 'Carol', memberId: 'm-carol', at: ENTERED.toISOString(),
    });
    await kit.enter(scheduler, entry);

    await until('both notices are sent', () => notifier.sent.length === 2);
    expect(notifier.sent).toEqual([
      expect.objectContaining({ kind: 'deadline-passed', recipients: ['carol'] }),
      expect.objectContaining({ kind: 'deadline-escalated', owners: ['carol'], ownerNames: ['Carol'], recipients: ['alice'] }),
    ]);
  });
});
