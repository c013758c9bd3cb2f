import type { Person } from './report-types';

// What the figures are made from, as the server keeps it: a card's stage visits (server/store's
// StageVisit) and the audit log's entries (AuditEntry, with the log's id). Only the fields the
// figures read are named, so the server passes its records as they are.

/** One stay of a card in a list of the process; leftAt null while the card is still there. */
export type VisitLike = { stage: string; enteredAt: string; leftAt: string | null; kind?: 'suspension' };

export type DecisionLike = {
  id: string;
  at: string;
  movedAt?: string;
  boardId: string;
  cardId: string;
  cardName: string;
  mover: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  verdict: 'accepted' | 'reverted' | 'ignored';
  reason: string;
  failures: { code: string; stage: string; ru: string; en: string }[];
  revertedTo: { id: string; name: string } | null;
  dryRun: boolean;
  /** The rules version it was judged under; absent in entries older than the versions. */
  rulesVersion?: number;
};

/** A card of the board with its stage history, oldest visit first. */
export type ReportCard = {
  cardId: string;
  name: string;
  /** The Trello list it is in now. */
  listName: string;
  visits: VisitLike[];
  /** Who took the card in its current stage («Беру»), if anyone did. */
  responsible: Person | null;
};

/** [from, to): from inclusive, to exclusive. */
export type Period = { from: Date; to: Date };
