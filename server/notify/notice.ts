import { z } from 'zod';

/** `username` and `fullName` are both '' when nobody could be named (a move found by the board check). */
const Person = z.object({ username: z.string(), fullName: z.string() });
const Reason = z.object({ ru: z.string(), en: z.string() });
/** Set when the move was found by the reconciliation sweep: Trello never sent its webhook. */
const DetectedBy = z.literal('reconciliation').optional();
const CardRef = z.object({
  actionId: z.string(),
  boardId: z.string(),
  cardId: z.string(),
  cardName: z.string(),
  /** The card's short URL (`https://trello.com/c/<shortLink>`); without it the link is built from the id. */
  cardUrl: z.string().optional(),
});

/** What happened, in terms a person cares about; channels turn it into their own format. */
export const Notice = z.discriminatedUnion('kind', [
  CardRef.extend({
    kind: z.literal('stage-entered'),
    /** A card moved in from another list, or one created (or copied) straight into it. */
    arrival: z.enum(['move', 'create']),
    stage: z.string(),
    mover: Person,
    /** Trello usernames of the stage's owners. */
    recipients: z.array(z.string()),
    /** The stage after this one and what the card still lacks for it (rules' missingForStage). */
    next: z.object({ stage: z.string(), needs: z.array(Reason) }).optional(),
    detectedBy: DetectedBy,
  }),
  CardRef.extend({
    /** The stage's time limit ran out: the owners are told. `actionId` is the deadline's own id. */
    kind: z.literal('deadline-passed'),
    stage: z.string(),
    enteredAt: z.string(),
    deadline: z.string(),
    limit: z.object({ days: z.number().optional(), hours: z.number().optional() }),
    recipients: z.array(z.string()),
  }),
  CardRef.extend({
    /** Still in the stage after the owner's deadline plus the escalation delay: the controllers are told. */
    kind: z.literal('deadline-escalated'),
    stage: z.string(),
    enteredAt: z.string(),
    deadline: z.string(),
    owners: z.array(z.string()),
    /**
     * The owners' full names, in the order of `owners`; '' for one the board gave no name. Absent
     * when no name was known (Trello could not list the members): the owners are named by username.
     */
    ownerNames: z.array(z.string()).optional(),
    recipients: z.array(z.string()),
  }),
  CardRef.extend({
    /** Into or out of the suspension stage: the engineers stop or resume the broadcast at once. */
    kind: z.enum(['suspended', 'resumed']),
    stage: z.string(),
    mover: Person,
    recipients: z.array(z.string()),
  }),
  CardRef.extend({
    kind: z.literal('move-reverted'),
    attemptedStage: z.string(),
    revertedTo: z.string(),
    mover: Person,
    reasons: z.array(Reason),
    detectedBy: DetectedBy,
  }),
  CardRef.extend({
    /**
     * A one-time link to the station's credentials went out and nobody has opened it within the
     * stage's limit (or it is about to expire): the stage's owners are told to check it arrived.
     * `actionId` is the reminder's own id. Never carries the link or what it opens.
     */
    kind: z.literal('link-unopened'),
    stage: z.string(),
    sentAt: z.string(),
    expiresAt: z.string(),
    /** The address it was mailed to; '' when the member copied the link to send it themselves. */
    recipient: z.string(),
    recipients: z.array(z.string()),
  }),
  z.object({
    /**
     * The service put the board's webhook back: Trello had deleted it, or disabled it after failed
     * deliveries. About the board, not a card, so it has no card comment; the admins are told.
     */
    kind: z.literal('webhook-restored'),
    /** Unique per restoration: the delivery ids, and so the dedup, are built from it. */
    actionId: z.string(),
    boardId: z.string(),
    boardName: z.string().optional(),
    change: z.enum(['re-registered', 're-enabled']),
    /** Trello's count of failed deliveries when it disabled the webhook. */
    consecutiveFailures: z.number().int().nonnegative().optional(),
    /** Trello usernames of the admins (`adminsOf`). */
    recipients: z.array(z.string()),
  }),
]);
export type Notice = z.infer<typeof Notice>;

/** A notice about one card: the only kind a card comment can carry. */
export type CardNotice = Extract<Notice, { cardId: string }>;

export function isCardNotice(notice: Notice): notice is CardNotice {
  return 'cardId' in notice;
}

/** The one interface the worker talks to; channels and their queues live behind it. */
export type Notifier = { send(notice: Notice): Promise<void> };

/**
 * Who a notice is for: the people it names, or the mover whose move was undone — nobody when the
 * mover is unknown (routing then writes the card's comment without a mention).
 */
export function addressees(notice: Notice): string[] {
  if (notice.kind !== 'move-reverted') return notice.recipients;
  return notice.mover.username ? [notice.mover.username] : [];
}
