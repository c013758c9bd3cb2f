import { runChaos, SHORT } from '../chaos/run-chaos';

// The short form of `npm run chaos`: every kind of fault once or twice, on a dozen cards. 50 s to
// 3.5 min alone: when the Trello storms come while the killed worker is starting again, it exits on
// them at start-up about a dozen times and is started again, and each start takes as long as the
// machine is busy (306 s seen in a suite run with three other jest runs on two cores, load 12-18).
// The harness has a deadline of its own below jest's limit: a stuck run fails by itself, naming the
// phase it was stuck in and showing the processes' last lines, the queues, the dead letters and
// what the oracle still misses (test/chaos/diagnose.ts), and it has stopped its processes and Redis
// (the report and the cleanup are bounded too, ~80 s at worst) before jest's limit could end it
// without a word.
const HARNESS_DEADLINE_MS = 420_000;
jest.setTimeout(HARNESS_DEADLINE_MS + 90_000);

describe('the short chaos run', () => {
  it('loses nothing: every card where the rules say, every refusal undone and explained once, no job lost', async () => {
    const lines: string[] = [];
    const { counters, details, figures } = await runChaos({
      size: SHORT, movesPerSecond: 10, say: (line) => lines.push(line), deadlineMs: HARNESS_DEADLINE_MS,
    });
    expect({ counters, details }).toEqual({
      counters: {
        cardsInTheWrongList: 0, refusedMovesNotReverted: 0, revertsWithoutAComment: 0, duplicateComments: 0,
        auditDisagreesWithBoard: 0, jobsStuck: 0, jobsFailedWithoutDeadLetter: 0,
      },
      details: [],
    });
    // The faults really happened: three kills, lost deliveries, and refusals to undo.
    expect({ kills: figures['worker kills'], lines }).toEqual({ kills: 3, lines });
    expect(figures['deliveries lost']).toBeGreaterThan(0);
    expect(figures['moves reverted']).toBeGreaterThan(0);
    process.stdout.write(`chaos-short: ${figures['seconds in all']} s; ${lines.at(-1)}\n`);
  });
});
