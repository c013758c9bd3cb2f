import type { CardSnapshot } from '../engine/types';

// The dry run's answer (POST /api/rules/preview), written once: the Power-Up's contract
// (powerup/model/api-contract.ts) exports these types, the server builds them.

/** A card as the dry run names it. */
export type PreviewCard = { cardId: string; cardName: string; url: string | null; stage: string };

/** A card whose readiness for its next stage differs under the draft. */
export type ReadinessChange = PreviewCard & {
  nextStage: string;
  change: 'newly-blocked' | 'newly-ready';
  /** Why it is blocked under the draft (newly-blocked) or was under the active rules (newly-ready). */
  reasons: string[];
};

/** A card sitting in a stage whose gate it would no longer meet: shown, never moved. */
export type UnmetGate = PreviewCard & { reasons: string[] };

export type DeadlineChangeKind = 'becomes-overdue' | 'stops-overdue' | 'limit-added' | 'limit-removed' | 'deadline-moved' | 'reminder-due';

/** A card whose stage time limit changes its state, or whose escalation would come due now (`reminder-due`). */
export type DeadlineChange = PreviewCard & {
  change: DeadlineChangeKind;
  /** The deadline (ISO) under the active rules and under the draft; null where there is no limit. */
  activeDeadline: string | null;
  draftDeadline: string | null;
};

/** Someone who starts or stops receiving a kind of notice, on a channel. */
export type RoutingChange = {
  change: 'starts' | 'stops';
  /** The notice kind (docs/notifications.md), e.g. `card-arrived`, `move-reverted`. */
  kind: string;
  /** The stage the notice is about; null when the change is the same for every stage. */
  stage: string | null;
  recipient: string;
  /** The channel with its address (`telegram -100…`); a webhook by its origin only. */
  channel: string;
};

export type ReplayVerdict = 'accepted' | 'reverted';

/**
 * A move judged in the last 30 days whose verdict the draft would change. Judged with the card's
 * data as it is now: listed only when the active rules, judged today, still give the recorded
 * verdict and the draft does not (otherwise the data changed, not the rules).
 */
export type ReplayChange = {
  actionId: string;
  at: string;
  cardId: string;
  cardName: string;
  from: string;
  to: string;
  mover: string | null;
  was: ReplayVerdict;
  draft: ReplayVerdict;
  /** The draft's reasons (when it would refuse) or the reasons it was refused with (when it would keep it). */
  reasons: string[];
};

/** What the draft would change on the board as it is now. Writes nothing. */
export type RulesPreview = {
  activeVersion: number;
  generatedAt: string;
  cards: number;
  readiness: ReadinessChange[];
  unmetGates: UnmetGate[];
  deadlines: DeadlineChange[];
  routing: RoutingChange[];
  replay: { days: number; judged: number; changes: ReplayChange[] };
};

/** A card of the board as the dry run reads it: where it is now, and what the rules see of it. */
export type BoardCard = {
  cardId: string;
  name: string;
  url: string | null;
  /** The Trello list it is in now. */
  listName: string;
  snapshot: CardSnapshot;
};
