import type { CardEvent } from '../queue/card-event';
import type { EventQueues } from '../queue/event-queues';
import { partitionOf } from '../queue/partition';

/** `judged`: a job of that id ran to the end already; `already-queued`: one is waiting or running. */
export type Submitted = 'queued' | 'retried' | 'already-queued' | 'judged';

/**
 * Puts a card event into its card's ordered queue under its action id, so the sweep and Trello's
 * own delivery of the same move make one job. A job that was given up on (failed) is retried
 * with fresh attempts: the sweep is how a dead-lettered move gets judged after all.
 */
export async function submitEvent(queues: Pick<EventQueues, 'queues' | 'enqueue' | 'ensureOrdered'>, event: CardEvent): Promise<Submitted> {
  const existing = await queues.queues[partitionOf(event.cardId, queues.queues.length)]!.getJob(event.actionId);
  if (!existing) {
    await queues.enqueue(event);
    return 'queued';
  }
  const state = await existing.getState();
  if (state === 'failed') {
    // After a Redis restart, not before the partition is one-at-a-time again (enqueue waits too).
    await queues.ensureOrdered();
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return 'retried';
  }
  return state === 'completed' ? 'judged' : 'already-queued';
}
