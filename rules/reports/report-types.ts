// The director's view as the Power-Up API answers it and the Power-Up reads it: one definition,
// built by the pure functions of rules/reports and sent as JSON by server/reports. Times are ISO
// strings, durations are working days of the rules' calendar (rounded to 0.01), months are
// "YYYY-MM" in the calendar's time zone.

import type { Bilingual } from '../config/bilingual';

export type TimeState = 'ok' | 'warning' | 'overdue' | 'no-limit';

/** A board member as people read them: the Trello username and, when the board knows it, the full name. */
export type Person = { username: string; fullName: string | null };

/** count, mean, median and 85th percentile of a set of durations in working days; null when empty. */
export type Stats = { count: number; mean: number | null; median: number | null; p85: number | null };

/** One calendar month of a series: the durations of what finished in it. */
export type MonthStats = { month: string } & Stats;

/** A card where it is now. */
export type PipelineCard = {
  cardId: string;
  name: string;
  stage: string;
  /** When the card entered this stage; null when the service has no record of its arrival here. */
  enteredAt: string | null;
  /** Working days in the current stage (suspension stages count their own time here). */
  elapsedDays: number;
  limitDays: number | null;
  state: TimeState;
  /** Working days past the limit; 0 when not overdue. */
  overdueDays: number;
  /** Working days since the card's first stage, suspension excluded. */
  sinceStartDays: number;
  /** Working days spent in suspension stages, kept apart. */
  suspendedDays: number;
  /** How many times the card went back to an earlier stage of the main path. */
  backwardMoves: number;
  /** Who took the card in this stage («Беру»); null until someone did. */
  responsible: Person | null;
  /** Whose turn it is: the responsible, or else every member of the stage owner's role. */
  holders: Person[];
};

export type PipelineStage = {
  stage: string;
  side: boolean;
  limitDays: number | null;
  /** The owner role: its key, and its people. */
  owner: { role: string; people: Person[] };
  cards: PipelineCard[];
  overdue: number;
  warning: number;
};

/** Time per stage in the onboardings completed in the period: every visit counts, suspension never. */
export type StageFigures = { stage: string; limitDays: number | null; stats: Stats };

/** A named span of the rules' `reports.spans`, measured over what completed it in the period. */
export type SpanFigures = {
  key: string;
  label: Bilingual;
  from: string;
  to: string;
  stats: Stats;
  /** Per calendar month of completion, oldest first, over the period. */
  months: MonthStats[];
};

export type Headline = {
  span: string;
  label: Bilingual;
  /** The month of `now` and the one before it, whatever the period asked for. */
  thisMonth: MonthStats;
  lastMonth: MonthStats;
  /** The twelve months up to and including this one, oldest first. */
  trend: MonthStats[];
};

/** One failed condition as a refusal reason: the same text groups the same missing item. */
export type RefusalReason = { code: string; stage: string; ru: string; en: string; count: number };

export type Refusals = {
  total: number;
  /** Most common first. */
  byReason: RefusalReason[];
  byStage: { stage: string; count: number }[];
  /** Only for the rules' `reports.viewers`; null for everyone else. */
  byMember: { person: Person; count: number }[] | null;
};

/** What this member may see beyond the figures every member sees. */
export type ViewerRights = { seesPeople: boolean; canExport: boolean };

/** GET /api/boards/:boardId/summary?from&to */
export type BoardSummary = {
  generatedAt: string;
  /** The period the figures cover: from (inclusive) to (exclusive), ISO instants. */
  period: { from: string; to: string };
  timeZone: string;
  headline: Headline;
  pipeline: PipelineStage[];
  /** Cards past their limit now, the most working days over first. */
  overdue: PipelineCard[];
  /** Onboardings (the headline span) completed in the period. */
  onboardings: { stats: Stats; months: MonthStats[]; perStage: StageFigures[] };
  spans: SpanFigures[];
  refusals: Refusals;
  viewer: ViewerRights;
};

export type Verdict = 'accepted' | 'reverted' | 'ignored';

/** One entry of the audit log as people read it. */
export type DecisionRecord = {
  /** The entry's position in the log: a `cursor` pages from here. */
  id: string;
  /** When it was judged; `movedAt` when the move happened, if known. */
  at: string;
  movedAt: string | null;
  cardId: string;
  cardName: string;
  mover: Person;
  from: string | null;
  to: string;
  verdict: Verdict;
  /** For ignored, the reason code; for reverted, the rule that refused; for accepted, the stage. */
  reason: string;
  failures: { code: string; stage: string; ru: string; en: string }[];
  revertedTo: string | null;
  dryRun: boolean;
  /** The rules version it was judged under; null for entries older than the versions. */
  rulesVersion: number | null;
};

/** GET /api/boards/:boardId/decisions?verdict&stage&member&cursor — newest first. */
export type DecisionsPage = { decisions: DecisionRecord[]; nextCursor: string | null };

/** One visit of a card to a stage. */
export type VisitRecord = {
  stage: string;
  enteredAt: string;
  leftAt: string | null;
  /** Working days of this visit (up to now for the open one). */
  workingDays: number;
  suspension: boolean;
  /** Who took the card in this visit («Беру»), if anyone did. */
  responsible: Person | null;
};

/**
 * Whose turn the card is in its current stage: the responsible once someone took it («Беру»), and
 * whether the member asking may take it (holds the stage owner's role and nobody took it yet).
 */
export type TurnRecord = { stage: string; responsible: Person | null; holders: Person[]; canTake: boolean };

/** GET /api/cards/:cardId/history — oldest visit first, newest decision first; turn null outside the process. */
export type CardHistory = { cardId: string; visits: VisitRecord[]; decisions: DecisionRecord[]; turn: TurnRecord | null };

/** POST /api/cards/:cardId/take: 200 taken by this member (or already theirs), 409 taken by someone else. */
export type TakeAnswer =
  | { taken: true; stage: string; responsible: Person }
  | { taken: false; stage: string; responsible: Person; message: string };
