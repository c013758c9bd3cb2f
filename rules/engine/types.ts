import type { Stage } from '../config/stage-schema';

/** A card arriving in a list: moved there from another list, or created in it. */
export type Move = {
  kind: 'move' | 'create';
  fromList: string | null;
  toList: string;
  /** The Trello username of the member who moved or created the card. */
  mover: string;
};

/** What the rules see of a card. */
export type CardSnapshot = {
  name: string;
  /** The Power-Up's `station` object, keyed by field key; {} when absent. */
  station: Record<string, unknown>;
  checklists: { name: string; items: { name: string; complete: boolean }[] }[];
};

/** Why a condition failed; stable, for the audit log and for anyone branching on it. */
export const FAILURE_CODES = [
  'field_missing',
  'field_invalid',
  'field_not_true',
  'checklist_missing',
  'checklist_incomplete',
  'role_not_allowed',
  'source_not_allowed',
  'backward_forbidden',
  'exit_not_allowed',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** One unmet condition: which stage's rule, why in both languages, and what the engine saw. */
export type Failure = {
  code: FailureCode;
  /** The list name of the stage whose rule this is. */
  stage: string;
  ru: string;
  en: string;
  facts: Record<string, unknown>;
};

export type Direction = 'forward' | 'backward' | 'create';

export type Decision =
  | { verdict: 'ignore'; reason: 'not-in-process' | 'same-list' }
  | { verdict: 'allow'; stage: Stage; direction: Direction }
  | { verdict: 'deny'; stage: Stage; failures: Failure[] };
