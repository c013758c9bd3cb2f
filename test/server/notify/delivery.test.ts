import type { CardNotice } from '../../../server/notify/notice';
import { DIRECTOR_CHAT, ENGINEERS_CHAT, FAST, startNotifyKit, type NotifyKit } from './notify-kit';
import { stageEntered, webhookRestored } from './notices';

describe('delivering notifications', () => {
  let kit: NotifyKit;
  beforeAll(async () => {
    kit = await startNotifyKit('notify-delivery');
  });
  afterAll(() => kit.close());

  /** A notice about a fresh card of its own, so each test counts only its own deliveries. */
  function noticeFor(station: string, recipients: string[]): CardNotice {
    const cardId = kit.sim.ui('manager').createCard('Подключение', station);
    return { ...stageEntered, actionId: `act-${station.replace(/\W/g, '')}-${Date.now()}`, cardId, cardName: station, recipients, next: undefined };
  }
  const toChat = (chat: string, station: string) => kit.telegram.sent.filter((m) => m.chatId === chat && m.text.includes(station));
  const mailTo = (address: string, station: string) => kit.smtp.received.filter((m) => m.to.includes(address) && m.text.includes(station));
  const hooksAt = (path: string, station: string) => kit.hooks.received.filter((h) => h.path === path && String(h.body.text).includes(station));
  const comments = (cardId: string) => kit.sim.comments(cardId).filter((c) => c.memberCreator === 'gatekeeper');
  const deadFor = async (station: string) => (await kit.dead.list()).filter((d) => d.cardName === station);

  it('sends a notice once per recipient and channel, even when it is sent twice', async () => {
    const notice = noticeFor('Радио Один', ['engineer', 'engineer2', 'director']);
    await Promise.all([kit.send(notice), kit.send(notice)]);
    await kit.send(notice);
    await kit.settle();

    expect(comments(notice.cardId).map((c) => c.text)).toEqual([expect.stringMatching(/^@engineer @engineer2, станция «Радио Один» перешла/)]);
    expect(toChat(ENGINEERS_CHAT, 'Радио Один')).toHaveLength(1);
    expect(toChat(DIRECTOR_CHAT, 'Радио Один')).toHaveLength(1);
    expect(mailTo('director@radio.example', 'Радио Один')).toHaveLength(1);
    expect(hooksAt('/team-chat', 'Радио Один')).toHaveLength(1);
    expect(hooksAt('/crm', 'Радио Один')).toHaveLength(1);
  });

  it('does not send again when the same delivery is queued after its job is gone', async () => {
    const notice = noticeFor('Радио Два', ['engineer']);
    await kit.send(notice);
    await kit.settle();
    await Promise.all(kit.queues.map((queue) => queue.clean(0, 10_000, 'completed')));

    await kit.send(notice);
    await kit.settle();
    expect(toChat(ENGINEERS_CHAT, 'Радио Два')).toHaveLength(1);
    expect(comments(notice.cardId)).toHaveLength(1);
    expect(hooksAt('/crm', 'Радио Два')).toHaveLength(1);
  });

  it('retries only the delivery that failed, and sends it once it goes through', async () => {
    kit.hooks.failNext('/crm', { status: 500 });
    const notice = noticeFor('Радио Три', ['engineer']);
    await kit.send(notice);
    await kit.settle();

    expect(hooksAt('/crm', 'Радио Три')).toHaveLength(1);
    expect(hooksAt('/team-chat', 'Радио Три')).toHaveLength(1);
    expect(toChat(ENGINEERS_CHAT, 'Радио Три')).toHaveLength(1);
    expect(await deadFor('Радио Три')).toEqual([]);
  });

  it('keeps delivering on the other channels while one channel is slow', async () => {
    kit.hooks.delayNext('/team-chat', 1_500, 4);
    kit.hooks.delayNext('/crm', 1_500, 4);
    await Promise.all(['А', 'Б', 'В', 'Г'].map((s) => kit.send(noticeFor(`Радио Медленное ${s}`, ['accountant']))));
    const start = Date.now();
    await kit.send(noticeFor('Радио Срочное', ['engineer']));

    await until(() => toChat(ENGINEERS_CHAT, 'Радио Срочное').length === 1);
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(hooksAt('/crm', 'Радио Срочное')).toEqual([]);
    await kit.settle();
    expect(hooksAt('/crm', 'Радио Срочное')).toHaveLength(1);
  });

  describe('when Telegram answers 429 with retry_after', () => {
    it('waits as long as Telegram asked, then delivers', async () => {
      kit.telegram.failNext(ENGINEERS_CHAT, { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
      const notice = noticeFor('Радио Четыре', ['engineer']);
      await kit.send(notice);
      await kit.settle();

      const calls = kit.telegram.calls.filter((c) => c.chatId === ENGINEERS_CHAT).slice(-2);
      expect(calls.map((c) => c.status)).toEqual([429, 200]);
      // The back-off alone would have been 40 ms.
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
      expect(toChat(ENGINEERS_CHAT, 'Радио Четыре')).toHaveLength(1);
    });
  });

  describe('when the mail server refuses an address for good (550)', () => {
    it('records a dead letter at once, while Telegram and the webhook deliver', async () => {
      kit.smtp.refuse('director@radio.example', 550, '5.1.1 mailbox unavailable', 1);
      const notice = noticeFor('Радио Пять', ['director']);
      await kit.send(notice);
      await kit.settle();

      expect(await deadFor('Радио Пять')).toEqual([
        expect.objectContaining({
          channel: 'email', recipient: 'director@radio.example', usernames: ['director'], kind: 'stage-entered',
          actionId: notice.actionId, attempts: 1, error: expect.stringMatching(/^\[email\] to director@radio\.example: 550 5\.1\.1 mailbox unavailable/),
        }),
      ]);
      expect(kit.smtp.refusedCount('director@radio.example')).toBe(1);
      expect(toChat(DIRECTOR_CHAT, 'Радио Пять')).toHaveLength(1);
      expect(hooksAt('/crm', 'Радио Пять')).toHaveLength(1);
    });
  });

  describe('when the mail server keeps deferring (451) and Telegram keeps failing (500)', () => {
    it('tries each as often as the policy says, then records both, and the rest still arrive', async () => {
      kit.smtp.refuse('buh@radio.example', 451, '4.3.2 try again later', FAST.attempts);
      const failures = Array.from({ length: FAST.attempts }, () => ({ status: 500, description: 'Internal Server Error' }));
      kit.telegram.failNext(ENGINEERS_CHAT, ...failures);
      const notice = noticeFor('Радио Шесть', ['accountant', 'engineer']);
      await kit.send(notice);
      await kit.settle();

      const dead = await deadFor('Радио Шесть');
      expect(dead.map((d) => [d.channel, d.recipient, d.attempts]).sort()).toEqual([
        ['email', 'buh@radio.example', FAST.attempts],
        ['telegram', ENGINEERS_CHAT, FAST.attempts],
      ]);
      expect(kit.smtp.refusedCount('buh@radio.example')).toBe(FAST.attempts);
      expect(comments(notice.cardId)).toHaveLength(1);
      expect(hooksAt('/team-chat', 'Радио Шесть')).toHaveLength(1);
    });
  });

  describe('when the board webhook was restored', () => {
    it("tells the admin on the route's chat and mailbox and the hooks, with the board's link, and records a lost mail by board", async () => {
      kit.smtp.refuse('director@radio.example', 550, '5.1.1 mailbox unavailable', 1);
      const notice = { ...webhookRestored, actionId: `restored-${Date.now()}`, boardName: 'Доска Семь', recipients: ['director'] };
      await kit.send(notice);
      await kit.settle();

      expect(toChat(DIRECTOR_CHAT, 'Доска Семь').map((m) => m.text)).toEqual([
        'Gatekeeper заново зарегистрировал вебхук доски «Доска Семь»: Trello удалил его.\n' +
          'Перемещения за это время проверены сверкой.\nhttps://trello.com/b/b1',
      ]);
      expect(hooksAt('/crm', 'Доска Семь').map((h) => h.body)).toEqual([
        expect.objectContaining({ kind: 'webhook-restored', boardUrl: 'https://trello.com/b/b1', recipients: ['director'] }),
      ]);
      expect((await kit.dead.list()).filter((d) => d.actionId === notice.actionId)).toEqual([
        expect.objectContaining({ channel: 'email', kind: 'webhook-restored', boardId: 'b1', cardId: '', cardName: '', usernames: ['director'] }),
      ]);
    });
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
