import type { Failure, Gate, Person, ProcessConfig, Stage, VaultAction, VaultRights } from '../../rules';

// The Power-Up API's answers, written once: the Power-Up reads them, and the server builds
// /api/rules, the board status and «Следующий этап» to these types (type-only imports from
// server/powerup-api; powerup/ itself may import only rules/). The director's view has its
// answers in rules/reports/report-types.ts, shared the same way.

/** A stage as the Power-Up needs it: where it is in the order, the checklist it brings, its data gate. */
export type PowerUpStage = Pick<Stage, 'list' | 'side' | 'checklist'> & { gate?: Pick<Gate, 'fields' | 'checked' | 'checklists'> };

/**
 * The part of the rules every member's browser gets: the form and the data conditions of the gates.
 * Not who holds which role, who is told where (webhook URLs, addresses, chat ids), the calendar or
 * the limits: the server judges those. Built by server/powerup-api/powerup-rules.ts.
 */
export type PowerUpRules = Pick<ProcessConfig, 'groups' | 'fields' | 'checklists'> & { stages: PowerUpStage[] };

/** GET /api/rules */
export type RulesAnswer = { config: PowerUpRules; version: string };

export type StatusChecklist = { name: string; items: { name: string; complete: boolean }[] };

export type TimeState = 'ok' | 'warning' | 'overdue' | 'no-limit';

/** Time in the current stage, in working days. */
export type StageTime = { elapsedDays: number; limitDays: number | null; state: TimeState };

export type CardStatus = {
  listId: string;
  /** Checklists come from here: t.card() does not expose checklist items. */
  checklists: StatusChecklist[];
  stage: string | null;
  enteredAt: string | null;
  time: StageTime | null;
};

/**
 * For each stage whose gate names who may move cards in: whether the member asking may, and the
 * people who may (full names), so a badge can say «Готово — переместить может Ирина Директорова» to a
 * member who may not. Stages anyone may enter are absent.
 */
export type StageMovers = Record<string, { allowed: boolean; people: string[] }>;

/** GET /api/boards/:boardId/cards/status: one request for every card of the board, as the member asking sees it. */
export type BoardStatus = { generatedAt: string; cards: Record<string, CardStatus>; movers: StageMovers };

/**
 * POST /api/cards/:cardId/next-stage: 200 moved (or, in the service's dry-run mode, would have),
 * 409 refused with the reasons, or 409 with only a message (no next stage, a move in progress).
 */
export type NextStageAnswer =
  | { moved: true; from: string; to: string }
  | { moved: false; dryRun: true; from: string; to: string }
  | { moved: false; to: string | null; failures: Failure[]; error?: string; message?: string };

/** An entry of «Доступы» as a member sees it: login, URL and note only with the right to view; the secret only by reveal. */
export type VaultEntryView = {
  id: string;
  label: string;
  login?: string;
  url?: string;
  note?: string;
  updatedAt: string;
  updatedBy: Person | null;
};

/** GET /api/cards/:cardId/vault — and the answer of every change to it. */
export type VaultAnswer = {
  rights: VaultRights;
  entries: VaultEntryView[];
  /** Who may reveal and who may change, named for members who may not («показать могут: …»). */
  holders: { view: Person[]; edit: Person[] };
};

/** POST /api/cards/:cardId/vault/entries/:entryId/reveal — answered only once the access is logged. */
export type RevealAnswer = { secret: string };

export type VaultAccessView = {
  id: string;
  at: string;
  action: VaultAction;
  cardId: string;
  /** The entry's label as it is now; null once the entry is deleted. */
  label: string | null;
  /** Who: null for the client opening a link. */
  person: Person | null;
  recipient?: string;
  /** How many entries a share or an opened link held (their labels are not listed). */
  entryCount?: number;
};

/** GET /api/cards/:cardId/vault/access and /api/boards/:boardId/vault/access, newest first. */
export type VaultAccessAnswer = { entries: VaultAccessView[]; next: string | null };

/** POST /api/cards/:cardId/vault/share: the link itself only when the member copies it to send. */
export type ShareAnswer = { expiresAt: string; ticked: boolean; url?: string; sentTo?: string };
