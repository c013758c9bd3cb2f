import { runChaos, SHORT } from '../chaos/run-chaos';

// The short form of `npm run chaos`: every kind of fault once or twice, on a dozen cards.
jest.setTimeout(300_000);

describe('the short chaos run', () => {
  it('loses nothing: every card where the rules say, every refusal undone and explained once, no job lost', async () => {
    const lines: string[] = [];
    const { counters, details, figures } = await runChaos({ size: SHORT, movesPerSecond: 10, say: (line) => lines.push(line) });
    expect({ counters, details }).toEqual({
      counters: {
        cardsInTheWrongList: 0, refusedMovesNotReverted: 0, revertsWithoutAComment: 0, duplicateComments: 0,
        auditDisagreesWithBoard: 0, jobsStuck: 0, jobsFailedWithoutDeadLetter: 0,
      },
      details: [],
    });
    // The faults really happened: three kills, lost deliveries, and refusals to undo.
    expect(figures['worker kills']).toBe(3);
    expect(figures['deliveries lost']).toBeGreaterThan(0);
    expect(figures['moves reverted']).toBeGreaterThan(0);
  });
});
