import type { DecisionLike } from './report-input';
import type { DecisionRecord, Person } from './report-types';

/** An audit entry as people read it: lists by name, the mover as a person, no internal facts. */
export function toDecisionRecord(entry: DecisionLike, people: (username: string) => Person): DecisionRecord {
  return {
    id: entry.id,
    at: entry.at,
    movedAt: entry.movedAt ?? null,
    cardId: entry.cardId,
    cardName: entry.cardName,
    mover: people(entry.mover),
    from: entry.from?.name ?? null,
    to: entry.to.name,
    verdict: entry.verdict,
    reason: entry.reason,
    failures: entry.failures.map(({ code, stage, ru, en }) => ({ code, stage, ru, en })),
    revertedTo: entry.revertedTo?.name ?? null,
    dryRun: entry.dryRun,
    rulesVersion: entry.rulesVersion ?? null,
  };
}
