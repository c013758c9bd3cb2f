import type { Worker } from 'bullmq';
import { realClock } from '../../../server/deadlines/deadline-clock';
import { createDeadlineWorker } from '../../../server/deadlines/deadline-worker';
import { linkReminderDue, linkReminderJobId } from '../../../server/deadlines/link-reminder';
import { commentText, plainText } from '../../../server/notify/templates/render-message';
import { createAccessLinks, tokenHash, type AccessLink } from '../../../server/vault/access-links';
import { parseVaultKeys } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { testLog } from '../../helpers/silent-log';
import { TEST_VAULT_KEYS } from '../../helpers/vault-keys';
import { until } from '../../helpers/until';
import { CARD, deadlineConfig, moscow, recordingNotifier, startDeadlineKit, type DeadlineKit } from './deadline-kit';

const config = deadlineConfig();
const SENT = moscow('2026-11-20 10:00'); // a Friday

describe('a credentials link nobody opens', () => {
  it("is due when the stage's time is up, or an hour before the link expires, whichever is first", () => {
    // B's limit is two working hours: noon the same day, long before a three-day link expires.
    expect(linkReminderDue(config, 'B', SENT, moscow('2026-11-23 10:00'))).toEqual(moscow('2026-11-20 12:00'));
    // C's two working days run to Tuesday; the link expires Monday 10:00, so Monday 09:00 it is.
    expect(linkReminderDue(config, 'C', SENT, moscow('2026-11-23 10:00'))).toEqual(moscow('2026-11-23 09:00'));
    // A has no limit; a list outside the process neither.
    expect(linkReminderDue(config, 'A', SENT, moscow('2026-11-23 10:00'))).toEqual(moscow('2026-11-23 09:00'));
    expect(linkReminderDue(config, 'Elsewhere', SENT, moscow('2026-11-20 10:30'))).toEqual(SENT);
  });

  describe('when the reminder comes due', () => {
    let kit: DeadlineKit;
    let workers: Worker[] = [];
    const notifier = recordingNotifier();
    beforeEach(async () => {
      kit = await startDeadlineKit('link-reminder');
      notifier.sent.length = 0;
    });
    afterEach(() => kit.close(...workers.splice(0)));

    /** A link to the card's one entry, stored in its vault as the share route finds it. */
    const link = async (expiresAt: Date): Promise<AccessLink> => ({
      ...CARD, entryIds: [(await vault().add(CARD.cardId, { label: 'Icecast source', login: 'source', secret: 'hackme', url: '', note: '' }, 'm1')).id], createdAt: SENT.toISOString(), expiresAt: expiresAt.toISOString(),
      sentBy: { memberId: 'm1', username: 'bob', fullName: 'Борис Клерков' }, recipient: 'tech@romashka.example',
    });
    const vault = () => createVaultStore({ redis: kit.redis, prefix: kit.prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) });
    const startWorker = () => {
      const trello = { getCard: () => Promise.reject(new Error('not read')), getBoardLists: () => Promise.reject(new Error('x')), getBoardCards: () => Promise.reject(new Error('x')), getCardArrivals: () => Promise.reject(new Error('x')) };
      const worker = createDeadlineWorker({
        connection: kit.redis, prefix: kit.prefix, log: testLog(),
        deps: { history: kit.history, trello, lookups: { members: async () => [] }, dryRun: false, redis: kit.redis, prefix: kit.prefix },
        rules: async () => ({ config, rulesVersion: 1, notifier, deadlines: kit.scheduler(config) }),
      });
      workers.push(worker);
    };
    const schedule = async (token: string, now: Date) => {
      const scheduler = kit.scheduler(config, realClock(() => now.getTime()));
      await scheduler.linkSent({
        ...CARD, cardName: 'Радио Ромашка', cardUrl: 'https://trello.com/c/AbCd1234', stage: 'B', linkHash: tokenHash(token),
        sentAt: SENT.toISOString(), expiresAt: moscow('2026-11-23 10:00').toISOString(), recipient: 'tech@romashka.example',
      });
      return kit.queue.getJob(linkReminderJobId(tokenHash(token)));
    };

    it("tells the owners of the stage it was sent from, naming the address, never the link", async () => {
      const links = createAccessLinks({ redis: kit.redis, prefix: kit.prefix, now: () => Date.now() });
      const token = await links.create(await link(new Date(Date.now() + 3_600_000)));
      const job = await schedule(token, new Date(moscow('2026-11-20 12:00').getTime() - 100));
      expect(JSON.stringify(job?.data)).not.toContain(token);
      startWorker();
      await until('the reminder is sent', () => notifier.sent.length === 1);
      const [notice] = notifier.sent;
      expect(notice).toMatchObject({ kind: 'link-unopened', cardId: CARD.cardId, stage: 'B', recipient: 'tech@romashka.example', recipients: ['bob', 'carol'] });
      // In a comment the address's "@" is made inert (a zero-width joiner after it): it mentions nobody.
      expect(commentText(notice as never, 'ru', ['bob', 'carol'])).toBe(
        '@bob @carol, станция «Радио Ромашка»: клиент не открыл ссылку на доступы, отправленную 20.11.2026 на tech@\u200dromashka.example. Ссылка действует до 23.11.2026; проверьте, дошла ли она, или отправьте новую.',
      );
      expect(plainText(notice!, 'en')).toBe(
        'Station "Радио Ромашка": the client has not opened the credentials link sent on 2026-11-20 to tech@romashka.example.\nThe link is valid until 2026-11-23; check it arrived, or send a new one.\nhttps://trello.com/c/AbCd1234',
      );
    });

    it('stays quiet when the client opened the link first', async () => {
      const links = createAccessLinks({ redis: kit.redis, prefix: kit.prefix, now: () => Date.now() });
      const token = await links.create(await link(new Date(Date.now() + 3_600_000)));
      await links.burn(token);
      const job = await schedule(token, new Date(moscow('2026-11-20 12:00').getTime() - 100));
      startWorker();
      await until('the reminder job completed', async () => (await job!.getState()) === 'completed');
      expect((await kit.queue.getJob(job!.id!))?.returnvalue).toBe('opened-or-expired');
      expect(notifier.sent).toEqual([]);
    });

    it('stays quiet when the entries it leads to are gone: the card was deleted in Trello, its vault with it', async () => {
      const links = createAccessLinks({ redis: kit.redis, prefix: kit.prefix, now: () => Date.now() });
      const token = await links.create(await link(new Date(Date.now() + 3_600_000)));
      await vault().forget(CARD.cardId);
      const job = await schedule(token, new Date(moscow('2026-11-20 12:00').getTime() - 100));
      startWorker();
      await until('the reminder job completed', async () => (await job!.getState()) === 'completed');
      expect((await kit.queue.getJob(job!.id!))?.returnvalue).toBe('entries-gone');
      expect(notifier.sent).toEqual([]);
    });
  });
});
