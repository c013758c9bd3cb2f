import { calendarOf } from '../../../rules';
import { realClock, workingHourClock } from '../../../server/deadlines/deadline-clock';
import { CARD, deadlineConfig, entryInto, HOUR, moscow, startDeadlineKit, type DeadlineKit } from './deadline-kit';

let kit: DeadlineKit;
beforeEach(async () => {
  kit = await startDeadlineKit('deadline-scheduling');
});
afterEach(() => kit.close());

/** Enters B at `wallTime` with the clock standing at that moment; the deadline job's delay. */
async function delayOfEntryAt(wallTime: string, calendar: Record<string, unknown> = {}): Promise<number | undefined> {
  const at = moscow(wallTime);
  const entry = entryInto('B', at);
  await kit.enter(kit.scheduler(deadlineConfig(calendar), realClock(() => at.getTime())), entry);
  return (await kit.job('deadline', entry))?.delay;
}

describe('scheduling the deadlines of a stage entry', () => {
  it('waits over the weekend: a card in on Friday at 17:00 with two working hours is due on Monday at 10:00', async () => {
    const entry = entryInto('B', moscow('2026-11-20 17:00'));
    await kit.enter(kit.scheduler(deadlineConfig(), realClock(() => moscow('2026-11-20 17:00').getTime())), entry);

    const deadline = await kit.job('deadline', entry);
    const escalation = await kit.job('escalation', entry);
    expect(deadline?.id).toBe(`deadline-${CARD.cardId}-list-B-${Date.parse(entry.at)}`);
    expect(deadline?.delay).toBe(65 * HOUR);
    expect(deadline?.data).toMatchObject({ stage: 'B', deadline: moscow('2026-11-23 10:00').toISOString(), enteredAt: entry.at });
    expect(escalation?.delay).toBe(66 * HOUR);
    expect(escalation?.data).toMatchObject({ kind: 'escalation', dueAt: moscow('2026-11-23 11:00').toISOString() });
  });

  it('skips the New Year holidays: in on 30 December 2026 at 17:00, due on 11 January 2027 at 10:00', async () => {
    expect(await delayOfEntryAt('2026-12-30 17:00')).toBe(moscow('2027-01-11 10:00').getTime() - moscow('2026-12-30 17:00').getTime());
  });

  it('counts a transferred working Saturday of the production calendar (20 February 2027)', async () => {
    expect(await delayOfEntryAt('2027-02-19 17:00')).toBe(17 * HOUR);
  });

  it("counts a Saturday the rules file's calendar lists as worked", async () => {
    expect(await delayOfEntryAt('2026-11-27 17:00', { workingDays: ['2026-11-28'] })).toBe(17 * HOUR);
    await kit.queue.obliterate({ force: true });
    expect(await delayOfEntryAt('2026-11-27 17:00')).toBe(65 * HOUR);
  });

  it('fires at once for a deadline already past when the entry is recorded', async () => {
    const entry = entryInto('B', moscow('2026-11-16 09:00'));
    await kit.enter(kit.scheduler(deadlineConfig(), realClock(() => moscow('2026-11-20 12:00').getTime())), entry);
    expect((await kit.job('deadline', entry))?.delay).toBe(0);
    expect((await kit.job('escalation', entry))?.delay).toBe(0);
  });

  it('schedules nothing for a stage without a limit, and no escalation for a stage without one', async () => {
    const scheduler = kit.scheduler(deadlineConfig());
    await kit.enter(scheduler, entryInto('A', moscow('2026-11-20 10:00')));
    const intoC = entryInto('C', moscow('2026-11-20 11:00'));
    await kit.enter(scheduler, intoC);
    expect(await kit.queue.getJobCountByTypes('delayed', 'waiting')).toBe(1);
    expect(await kit.job('deadline', intoC)).toBeDefined();
  });

  it('adds one job per deadline however often the same entry is scheduled', async () => {
    const scheduler = kit.scheduler(deadlineConfig());
    const entry = entryInto('B', moscow('2026-11-20 10:00'));
    await kit.enter(scheduler, entry);
    await kit.enter(scheduler, entry);
    await scheduler.entered(CARD, entry, null);
    expect(await kit.queue.getJobCountByTypes('delayed', 'waiting')).toBe(2);
  });
});

describe('leaving and re-entering a stage', () => {
  it('cancels the pending deadlines of the stage a card leaves', async () => {
    const scheduler = kit.scheduler(deadlineConfig());
    const intoB = entryInto('B', moscow('2026-11-20 10:00'));
    await kit.enter(scheduler, intoB);
    await kit.enter(scheduler, entryInto('A', moscow('2026-11-20 10:30')));
    expect(await kit.job('deadline', intoB)).toBeUndefined();
    expect(await kit.job('escalation', intoB)).toBeUndefined();
  });

  it('starts a new clock, under new job ids, when the card comes back', async () => {
    const scheduler = kit.scheduler(deadlineConfig(), realClock(() => moscow('2026-11-20 10:00').getTime()));
    const first = entryInto('B', moscow('2026-11-20 10:00'));
    const again = entryInto('B', moscow('2026-11-20 11:30'));
    await kit.enter(scheduler, first);
    await kit.enter(scheduler, entryInto('A', moscow('2026-11-20 11:00')));
    await kit.enter(scheduler, again);
    const job = await kit.job('deadline', again);
    expect(job?.id).not.toBe(`deadline-${CARD.cardId}-list-B-${Date.parse(first.at)}`);
    expect(job?.data.deadline).toBe(moscow('2026-11-20 13:30').toISOString());
  });
});

describe('the shortened clock of demos and tests', () => {
  it('waits its milliseconds per working hour left, nights and weekends free', () => {
    const clock = workingHourClock(10, () => moscow('2026-11-20 17:00').getTime());
    const calendar = calendarOf(deadlineConfig());
    expect(clock.delayUntil(moscow('2026-11-23 10:00'), calendar)).toBe(20);
    expect(clock.delayUntil(moscow('2026-11-20 12:00'), calendar)).toBe(0);
  });
});
