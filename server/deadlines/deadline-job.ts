import { z } from 'zod';

/** The BullMQ queue of stage deadlines (and the one-off history rebuilds that schedule them). */
export const DEADLINES_QUEUE = 'deadlines';

export const DEADLINE_KINDS = ['deadline', 'escalation'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * One pending deadline of one stage visit: the owner's (`deadline`) or the controller's
 * (`escalation`). The visit is named by what the stage history records, so that the job can
 * check, when it fires, that the card still sits in that very visit. Never holds tokens.
 */
export const DeadlineJob = z.object({
  kind: z.enum(DEADLINE_KINDS),
  boardId: z.string(),
  cardId: z.string(),
  stage: z.string(),
  listId: z.string(),
  enteredAt: z.string(),
  /** The action that started the visit, as the history has it. */
  actionId: z.string(),
  /** The owner's deadline, ISO; an escalation job carries it too, for its notice. */
  deadline: z.string(),
  /** When this job is due, ISO: the deadline or the escalation. */
  dueAt: z.string(),
});
export type DeadlineJob = z.infer<typeof DeadlineJob>;

/**
 * Deterministic, so that scheduling an entry twice adds one job and leaving the stage can remove
 * it without looking it up: kind, card, list and the entry time in ms (BullMQ forbids ':').
 * Re-entering the stage later starts a new clock under a new id.
 */
export function deadlineJobId(kind: DeadlineKind, visit: { cardId: string; listId: string; enteredAt: string }): string {
  return `${kind}-${visit.cardId}-${visit.listId}-${Date.parse(visit.enteredAt)}`;
}
