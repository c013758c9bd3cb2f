import type { Failure, Gate, Person, ProcessConfig, RulesProblem, Stage, VaultAction, VaultRights } from '../../rules';

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
  /** How many entries a share, an opened link or a deleted card held (their labels are not listed). */
  entryCount?: number;
  /** The card's name, kept when the card was deleted in Trello (`card-deleted`): no card is left to name it. */
  cardName?: string;
};

/** GET /api/cards/:cardId/vault/access and /api/boards/:boardId/vault/access, newest first. */
export type VaultAccessAnswer = { entries: VaultAccessView[]; next: string | null };

/** POST /api/cards/:cardId/vault/share: the link itself only when the member copies it to send. */
export type ShareAnswer = { expiresAt: string; ticked: boolean; url?: string; sentTo?: string };

// ——— The admin's rules editor (show-settings). Every route answers 403 `rules_admin_forbidden`
// to a member who is neither a Trello admin of the board nor in a role the rules' `admins` name.

/** Who saved a rules version: a board member, or null for the service's RULES_FILE. */
export type RulesAuthor = Person | null;

/** How a version came to be. */
export type RulesVersionSource = 'file' | 'editor' | 'import' | 'restore';

/** One saved version of the rules (without its text). */
export type RulesVersionInfo = {
  version: number;
  author: RulesAuthor;
  at: string;
  comment: string;
  /** sha256 of the text. */
  hash: string;
  source: RulesVersionSource;
  /** For a restore: the version whose text it brought back. */
  restoredFrom: number | null;
};

/** GET /api/rules/versions/:version, and the active version in RulesEditorAnswer. */
export type RulesVersionText = RulesVersionInfo & { text: string };

/** What the editor completes: the board's lists and members, the rules' field keys and roles. */
export type RulesCompletion = {
  lists: string[];
  members: Person[];
  fieldKeys: string[];
  checklists: string[];
  roles: string[];
};

/** GET /api/rules/editor: everything the editor opens with. */
export type RulesEditorAnswer = {
  active: RulesVersionText;
  /** Newest first. */
  versions: RulesVersionInfo[];
  completion: RulesCompletion;
  /** The rules' JSON Schema (rules/process-config.schema.json), for key completion. */
  schema: unknown;
  /** The rules' language: the editor's own words follow the member's Trello locale. */
  language: 'ru' | 'en';
};

/**
 * POST /api/rules/check {text}: every problem of a draft at once, each with its line and column.
 * Also the body of a 422 `rules_invalid` from preview and save.
 */
export type RulesCheckAnswer = { problems: RulesProblem[] };

/** POST /api/rules/preview {text}: the dry run's answer, defined with its logic in rules/preview. */
export type { DeadlineChange, PreviewCard, ReadinessChange, ReplayChange, RoutingChange, RulesPreview, UnmetGate } from '../../rules/preview/preview-types';

/** POST /api/rules/versions {text, comment, baseVersion}, and POST /api/rules/versions/:version/restore {comment, baseVersion}. */
export type RulesSaveAnswer = { saved: RulesVersionInfo };

/** The 409 of a save made against a version that is no longer the active one. */
export type RulesConflictAnswer = {
  error: 'rules_version_conflict';
  message: string;
  /** The version the refused draft was edited from. */
  editedFrom: number;
  /** The version in force now, saved since. */
  active: RulesVersionInfo;
};

/** GET /api/rules/setup (what set-up would do) and POST /api/rules/setup (do it): the board set-up report. */
export type BoardSetupAnswer = { applied: boolean; changes: number; needsPerson: boolean; report: string };
