import { calendarOf } from '../../../rules';
import { hoursUsedBefore } from '../../../server/deadlines/hours-used-before';
import { suspensionNotice } from '../../../server/deadlines/suspension-notice';
import type { CardEvent } from '../../../server/queue/card-event';
import type { StageVisit } from '../../../server/store/stage-history';
import { realClock } from '../../../server/deadlines/deadline-clock';
import { CARD, deadlineConfig, entryInto, HOUR, moscow, startDeadlineKit } from './deadline-kit';

const config = deadlineConfig();
const CARD_IN_TRELLO = { name: 'Радио Ромашка', shortUrl: 'https://trello.com/c/AbCd1234' };
const stage = (list: string) => config.stages.find((s) => s.list === list)!;
const event = (from: string, to: string): CardEvent => ({
  actionId: 'act1', kind: 'move', date: '2026-11-20T10:00:00.000Z', ...CARD, cardName: 'Радио',
  fromList: { id: `list-${from}`, name: from }, toList: { id: `list-${to}`, name: to },
  mover: { id: 'm1', username: 'alice', fullName: 'Алиса' },
});
const visit = (list: string, enteredAt: string, leftAt: string | null): StageVisit => ({
  stage: list, listId: `list-${list}`, enteredAt: moscow(enteredAt).toISOString(),
  leftAt: leftAt && moscow(leftAt).toISOString(), actionId: `a-${list}-${enteredAt}`, ...(list === 'S' ? { kind: 'suspension' as const } : {}),
});

describe('suspension notices', () => {
  it("tell the suspension stage's owners to stop when a card enters it", () => {
    expect(suspensionNotice(event('B', 'S'), CARD_IN_TRELLO, stage('S'), visit('B', '2026-11-20 09:00', '2026-11-20 10:00'), config)).toEqual({
      kind: 'suspended', actionId: 'act1', ...CARD, cardName: 'Радио Ромашка', cardUrl: 'https://trello.com/c/AbCd1234', stage: 'S',
      mover: { username: 'alice', fullName: 'Алиса' }, recipients: ['alice'],
    });
  });

  it('tell the same owners to resume when the card leaves it', () => {
    const notice = suspensionNotice(event('S', 'B'), CARD_IN_TRELLO, stage('B'), visit('S', '2026-11-20 09:00', '2026-11-20 10:00'), config);
    expect(notice).toMatchObject({ kind: 'resumed', stage: 'B', recipients: ['alice'] });
  });

  it('say nothing of an ordinary move', () => {
    expect(suspensionNotice(event('A', 'B'), CARD_IN_TRELLO, stage('B'), visit('A', '2026-11-20 09:00', '2026-11-20 10:00'), config)).toBeNull();
  });
});

describe('the clock of a stage a card returns to from suspension', () => {
  const calendar = calendarOf(config);

  it('counts the time spent in the stage before, and none of the suspension', () => {
    const visits = [
      visit('B', '2026-11-20 10:00', '2026-11-20 10:30'),
      visit('S', '2026-11-20 10:30', '2026-11-23 15:00'),
      visit('B', '2026-11-23 15:00', '2026-11-23 15:15'),
      visit('S', '2026-11-23 15:15', '2026-11-24 09:00'),
      visit('B', '2026-11-24 09:00', null),
    ];
    expect(hoursUsedBefore(visits, calendar)).toBe(0.75);
  });

  it('starts afresh when the card came back by way of another stage, or to another stage', () => {
    const viaC = [visit('B', '2026-11-20 10:00', '2026-11-20 11:00'), visit('C', '2026-11-20 11:00', '2026-11-20 12:00'), visit('B', '2026-11-20 12:00', null)];
    const elsewhere = [visit('B', '2026-11-20 10:00', '2026-11-20 11:00'), visit('S', '2026-11-20 11:00', '2026-11-20 12:00'), visit('C', '2026-11-20 12:00', null)];
    expect(hoursUsedBefore(viaC, calendar)).toBe(0);
    expect(hoursUsedBefore(elsewhere, calendar)).toBe(0);
  });

  it('moves the deadline by the suspended time: an hour used, suspended over the weekend, an hour left on Monday', async () => {
    const kit = await startDeadlineKit('deadline-suspension');
    try {
      const scheduler = kit.scheduler(config, realClock(() => moscow('2026-11-23 09:00').getTime()));
      await kit.enter(scheduler, entryInto('B', moscow('2026-11-20 10:00')));
      await kit.enter(scheduler, entryInto('S', moscow('2026-11-20 11:00')));
      const back = entryInto('B', moscow('2026-11-23 09:00'));
      await kit.enter(scheduler, back);

      const job = await kit.job('deadline', back);
      expect(job?.data.deadline).toBe(moscow('2026-11-23 10:00').toISOString());
      expect(job?.delay).toBe(HOUR);
      expect((await kit.history.all(CARD.cardId)).map((v) => v.kind ?? 'stage')).toEqual(['stage', 'suspension', 'stage']);
    } finally {
      await kit.close();
    }
  });
});
