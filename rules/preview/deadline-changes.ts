import type { DeadlineChange, DeadlineChangeKind, PreviewCard } from './preview-types';

/**
 * A visit's clock under one set of rules: when the owner's time is up and when the controller
 * hears (the server's `stageDeadlines`); null for a stage without a limit.
 */
export type VisitDue = { deadline: Date; escalation: Date | null } | null;

/** A card with an open stage visit, and that visit's clock under the active rules and the draft. */
export type CardDue = { card: PreviewCard; active: VisitDue; draft: VisitDue };

/**
 * What the draft does to each card's clock at `now`. One change says how the deadline moves: a
 * limit added or removed, the card becoming or ceasing to be overdue, or otherwise a deadline
 * moved. `reminder-due` comes on top when the controller's escalation, not yet due under the active
 * rules, would be due now under the draft (the owner's own reminder is what `becomes-overdue` says).
 */
export function deadlineChanges(rows: readonly CardDue[], now: Date): DeadlineChange[] {
  return rows.flatMap(({ card, active, draft }) => {
    const change = (kind: DeadlineChangeKind): DeadlineChange => ({
      ...card,
      change: kind,
      activeDeadline: active?.deadline.toISOString() ?? null,
      draftDeadline: draft?.deadline.toISOString() ?? null,
    });
    const kinds = [clockChange(active, draft, now), escalationDue(active, draft, now) ? 'reminder-due' : null];
    return kinds.filter((kind): kind is DeadlineChangeKind => kind !== null).map(change);
  });
}

function clockChange(active: VisitDue, draft: VisitDue, now: Date): DeadlineChangeKind | null {
  if (!active && !draft) return null;
  if (!active) return 'limit-added';
  if (!draft) return 'limit-removed';
  // Overdue from the deadline on, as the badges count it (stageTimeStatus).
  const wasOverdue = reached(active.deadline, now);
  const isOverdue = reached(draft.deadline, now);
  if (isOverdue && !wasOverdue) return 'becomes-overdue';
  if (wasOverdue && !isOverdue) return 'stops-overdue';
  return active.deadline.getTime() === draft.deadline.getTime() ? null : 'deadline-moved';
}

function escalationDue(active: VisitDue, draft: VisitDue, now: Date): boolean {
  const due = (clock: VisitDue) => clock?.escalation != null && reached(clock.escalation, now);
  return due(draft) && !due(active);
}

function reached(at: Date, now: Date): boolean {
  return now.getTime() >= at.getTime();
}
