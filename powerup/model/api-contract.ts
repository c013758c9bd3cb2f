import type { Failure, ProcessConfig } from '../../rules';

// The Power-Up API's answers as the Power-Up reads them (the server side lives in
// server/powerup-api; powerup/ may import only rules/, so the shapes are written out here).

/** GET /api/rules */
export type RulesAnswer = { config: ProcessConfig; version: string };

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

/** GET /api/boards/:boardId/cards/status: one request for every card of the board. */
export type BoardStatus = { generatedAt: string; cards: Record<string, CardStatus> };

/**
 * POST /api/cards/:cardId/next-stage: 200 moved (or, in the service's dry-run mode, would have),
 * 409 refused with the reasons, or 409 with only a message (no next stage, a move in progress).
 */
export type NextStageAnswer =
  | { moved: true; from: string; to: string }
  | { moved: false; dryRun: true; from: string; to: string }
  | { moved: false; to: string | null; failures: Failure[]; error?: string; message?: string };
