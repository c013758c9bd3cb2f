import type { Redis } from 'ioredis';
import { z } from 'zod';
import { CardEvent } from '../queue/card-event';
import { AuditEntry } from '../store/audit-log';
import { createPendingMarks, type PendingMarks } from '../store/pending-marks';
import { ListRef } from '../trello/schema';

/** A refused move being undone: what the re-run needs to finish it exactly as it began. */
export const PendingRevert = z.object({
  event: CardEvent,
  target: ListRef,
  attemptedStage: z.string(),
  failures: AuditEntry.shape.failures,
  /**
   * The reasons as the comment gives them, when they differ from the failures' words: people named
   * in full. Absent, the comment says the failures' own words.
   */
  reasons: z.array(z.object({ ru: z.string(), en: z.string() })).optional(),
  /** The card was moved back; what is left is the explanation. */
  moved: z.boolean().optional(),
});
export type PendingRevert = z.infer<typeof PendingRevert>;

/** A «Следующий этап» move the API is making: moved on Trello, not yet recorded. */
export const PendingAdvance = z.object({ event: CardEvent, stage: z.string() });
export type PendingAdvance = z.infer<typeof PendingAdvance>;

export type PendingReverts = PendingMarks<PendingRevert>;
export type PendingAdvances = PendingMarks<PendingAdvance>;

export function createPendingReverts(deps: { redis: Redis; prefix: string }): PendingReverts {
  return createPendingMarks(deps, 'revert', PendingRevert);
}

export function createPendingAdvances(deps: { redis: Redis; prefix: string }): PendingAdvances {
  return createPendingMarks(deps, 'advancing', PendingAdvance);
}
