import { realClock } from '../../../server/deadlines/deadline-clock';
import { queueRulesReschedule, RULES_RESCHEDULE_JOB, runRulesReschedule, scheduledUnderKey } from '../../../server/deadlines/rules-reschedule';
import { createRulesVersions } from '../../../server/rules-store/rules-versions';
import { testLog } from '../../helpers/silent-log';
import { smallConfig } from '../../rules/small-config';
import { CARD, deadlineConfig, entryInto, HOUR, moscow, startDeadlineKit, type DeadlineKit } from './deadline-kit';

const ENTERED = moscow('2026-11-20 10:00'); // a Friday, working hours
/** The kit's process with stage B's limit, escalation and stage A's limit as given (hours; null: none). */
const withLimits = (b: number | null, escalateB: number | null, a: number | null = null) =>
  smallConfig({
    stages: [
      { list: 'A', owner: 'clerk', controller: 'boss', ...(a ? { limitWorkingHours: a } : {}) },
      { list: 'B', owner: 'clerk', controller: 'boss', ...(b ? { limitWorkingHours: b } : {}), ...(b && escalateB ? { escalateAfterWorkingHours: escalateB } : {}) },
      { list: 'C', owner: 'clerk', controller: 'boss', limitWorkingDays: 2 },
      { list: 'S', owner: 'boss', controller: 'boss', side: true, suspension: true, exit: { to: ['B', 'C'] } },
    ],
  });

describe('the deadlines of cards already in a stage, when the rules change', () => {
  let kit: DeadlineKit;
  beforeEach(async () => void (kit = await startDeadlineKit('rules-reschedule')));
  afterEach(() => kit.close());

  const at = (wallTime: string) => realClock(() => moscow(wallTime).getTime());
  const visitOf = async () => (await kit.history.current(CARD.cardId))!;
  const pending = async (kind: 'deadline' | 'escalation', entry = entryInto('B', ENTERED)) => {
    const job = await kit.job(kind, entry);
    return job ? { state: await job.getState(), dueAt: job.data.dueAt as string, deadline: job.data.deadline as string } : null;
  };

  it('moves pending deadlines to a shorter or longer limit, the escalation with its deadline', async () => {
    await kit.enter(kit.scheduler(deadlineConfig(), at('2026-11-20 10:00')), entryInto('B', ENTERED));
    expect(await pending('deadline')).toEqual({ state: 'delayed', dueAt: moscow('2026-11-20 12:00').toISOString(), deadline: moscow('2026-11-20 12:00').toISOString() });

    const shorter = await kit.scheduler(withLimits(1, 3), at('2026-11-20 10:30')).rescheduled(CARD, await visitOf(), deadlineConfig());
    expect(shorter.map((c) => [c.kind, c.change, c.dueAt])).toEqual([
      ['deadline', 'moved', moscow('2026-11-20 11:00').toISOString()],
      ['escalation', 'moved', moscow('2026-11-20 14:00').toISOString()],
    ]);
    expect(await pending('escalation')).toEqual({ state: 'delayed', dueAt: moscow('2026-11-20 14:00').toISOString(), deadline: moscow('2026-11-20 11:00').toISOString() });
    // Half an hour from 10:30, as the job now waits.
    expect((await kit.job('deadline', entryInto('B', ENTERED)))!.delay).toBe(HOUR / 2);

    const longer = await kit.scheduler(withLimits(4, 1), at('2026-11-20 10:30')).rescheduled(CARD, await visitOf(), withLimits(1, 3));
    expect(longer.map((c) => [c.kind, c.dueAt])).toEqual([['deadline', moscow('2026-11-20 14:00').toISOString()], ['escalation', moscow('2026-11-20 15:00').toISOString()]]);
    // The same limits again: nothing to do.
    expect(await kit.scheduler(withLimits(4, 1), at('2026-11-20 10:31')).rescheduled(CARD, await visitOf(), withLimits(4, 1))).toEqual([]);
  });

  it('takes pending deadlines away with the limit, or the escalation alone', async () => {
    await kit.enter(kit.scheduler(deadlineConfig(), at('2026-11-20 10:00')), entryInto('B', ENTERED));
    const noEscalation = await kit.scheduler(withLimits(2, null), at('2026-11-20 10:30')).rescheduled(CARD, await visitOf(), deadlineConfig());
    expect(noEscalation.map((c) => [c.kind, c.change])).toEqual([['escalation', 'removed']]);
    expect(await pending('escalation')).toBeNull();
    expect(await pending('deadline')).toMatchObject({ state: 'delayed' });

    const none = await kit.scheduler(withLimits(null, null), at('2026-11-20 10:30')).rescheduled(CARD, await visitOf(), withLimits(2, null));
    expect(none.map((c) => [c.kind, c.change])).toEqual([['deadline', 'removed']]);
    expect(await pending('deadline')).toBeNull();
  });

  it('adds a limit the stage lacked, due at once when its time is past; a deadline that already fired is not fired again', async () => {
    const inA = entryInto('A', ENTERED);
    await kit.enter(kit.scheduler(deadlineConfig(), at('2026-11-20 10:00')), inA);
    expect(await pending('deadline', inA)).toBeNull();
    const added = await kit.scheduler(withLimits(2, 1, 1), at('2026-11-20 12:00')).rescheduled(CARD, await visitOf(), deadlineConfig());
    expect(added).toEqual([{ kind: 'deadline', change: 'added', dueAt: moscow('2026-11-20 11:00').toISOString() }]);
    expect((await kit.job('deadline', inA))!.delay).toBe(0);

    // B's deadline fired (its job done and gone): under a shorter limit it is not sent again.
    const inB = entryInto('B', moscow('2026-11-20 13:00'));
    await kit.enter(kit.scheduler(deadlineConfig(), at('2026-11-20 13:00')), inB);
    await (await kit.job('deadline', inB))!.remove();
    const after = await kit.scheduler(withLimits(1, 1), at('2026-11-20 16:00')).rescheduled(CARD, await visitOf(), deadlineConfig());
    expect(after.map((c) => [c.kind, c.change])).toEqual([['escalation', 'moved']]);
    expect(await pending('deadline', inB)).toBeNull();
  });

  it('runs once per switch of version for every open card of the watched boards, and marks the version', async () => {
    const versions = createRulesVersions({ redis: kit.redis, prefix: kit.prefix });
    await versions.save({ text: 'first', base: null, author: null, comment: '', source: 'file' });
    // A first start only marks the version in force.
    expect(await queueRulesReschedule({ queue: kit.queue, redis: kit.redis, prefix: kit.prefix, version: 1 })).toBeNull();
    expect(await kit.redis.get(scheduledUnderKey(kit.prefix))).toBe('1');
    expect(await queueRulesReschedule({ queue: kit.queue, redis: kit.redis, prefix: kit.prefix, version: 1 })).toBeNull();
    // Version 3 in force: one job, however many workers ask.
    for (let i = 0; i < 3; i += 1) await queueRulesReschedule({ queue: kit.queue, redis: kit.redis, prefix: kit.prefix, version: 3 });
    const jobs = await kit.queue.getJobs(['waiting']);
    expect(jobs.map((j) => [j.name, j.data])).toEqual([[RULES_RESCHEDULE_JOB, { from: 1, to: 3 }]]);

    const entry = entryInto('B', ENTERED);
    await kit.enter(kit.scheduler(deadlineConfig(), at('2026-11-20 10:00')), entry);
    const seen: string[] = [];
    const result = await runRulesReschedule(jobs[0]!.data, {
      rulesVersion: 3,
      deadlines: kit.scheduler(withLimits(null, null), at('2026-11-20 10:30')),
      // Version 1 is not a rules text here: with no old version to compare, nothing missing is added.
      versions,
      watched: { all: async () => [CARD.boardId] },
      history: kit.history,
      trello: {
        getBoardCards: async (boardId) => {
          seen.push(boardId);
          return [
            { id: CARD.cardId, idList: entry.listId, name: 'Радио Ромашка' },
            { id: 'card00000000000000000002', idList: 'list-B', name: 'Без истории' },
          ] as never;
        },
      },
      redis: kit.redis,
      prefix: kit.prefix,
      log: testLog(),
    });
    expect(seen).toEqual([CARD.boardId]);
    expect(result).toEqual({ cards: 1, changes: 2 });
    expect(await pending('deadline', entry)).toBeNull();
    expect(await kit.redis.get(scheduledUnderKey(kit.prefix))).toBe('3');
  });
});
