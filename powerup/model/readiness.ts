import type { CardSnapshot, Failure } from '../../rules';
import type { PowerUpRules } from './api-contract';
import { missingForStage, nextStage } from './rules-runtime';

/** Where a card stands against the gate of the stage it normally goes to next. */
export type Readiness =
  /** Last stage, a side stage (its way out is its exit rule) or a list outside the process. */
  | { kind: 'no-next-stage' }
  | { kind: 'ready'; next: string }
  | { kind: 'missing'; next: string; failures: Failure[] };

/**
 * The same question the server's gate asks, asked before the drag: what the card still lacks for
 * the next stage. Data conditions only (fields, yes/no fields, checklists); who will move the card
 * is not known yet, so roles are the server's to judge.
 */
export function readinessFor(config: PowerUpRules, listName: string, card: CardSnapshot): Readiness {
  const next = nextStage(config, listName);
  if (!next) return { kind: 'no-next-stage' };
  const failures = missingForStage(config, next.list, card);
  return failures.length === 0 ? { kind: 'ready', next: next.list } : { kind: 'missing', next: next.list, failures };
}
