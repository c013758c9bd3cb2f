import type { Language, ProcessConfig } from '../config/process-config';
import { evaluate } from '../engine/evaluate';
import type { CardSnapshot, Decision, Move } from '../engine/types';
import type { People } from '../process/roles';
import { failureTexts } from './preview-card';
import type { ReplayChange, ReplayVerdict } from './preview-types';

/** A judged move as the audit log keeps it (server/store's AuditEntry; only what a replay reads). */
export type JudgedMove = {
  actionId: string;
  /** When it was judged. */
  at: string;
  /** When it happened on the board. */
  movedAt?: string;
  cardId: string;
  cardName: string;
  mover: string;
  /** null: the card was created in (or came from outside the board into) `to`. */
  from: { name: string } | null;
  to: { name: string };
  verdict: 'accepted' | 'reverted' | 'ignored';
  failures: { ru: string; en: string }[];
};

/** What a replay knows of a card now: its data, and its stage visits (oldest first). */
export type ReplayCard = {
  snapshot: CardSnapshot;
  visits: readonly { stage: string; enteredAt: string; actionId?: string }[];
};

export type ReplayResult = { judged: number; changes: ReplayChange[] };

/**
 * The accepted and reverted moves judged again, each from where the worker judged it (the last
 * stage the card had been accepted in before the move), by the same mover, under the active rules
 * and the draft, with the card's data as it is NOW: the log keeps no copy of the data a move was
 * judged on. So a verdict the active rules would also give differently today is the data's doing
 * (a field filled in since), not the draft's, and is not listed; the rest whose draft verdict
 * differs from the recorded one are. A move into a list the draft no longer enforces counts as
 * accepted: nothing would send it back. Cards no longer on the board (`cardOf` has none) are not
 * replayed; `judged` counts the moves that were.
 */
export function replayMoves(opts: {
  active: ProcessConfig;
  draft: ProcessConfig;
  moves: readonly JudgedMove[];
  cardOf(cardId: string): ReplayCard | undefined;
  /** The board's people, for the names in a refusal («директор (Ирина Директорова, @director)»). */
  people?: People;
}): ReplayResult {
  const language: Language = opts.draft.language;
  let judged = 0;
  const changes: ReplayChange[] = [];
  for (const entry of opts.moves) {
    if (entry.verdict === 'ignored') continue;
    const card = opts.cardOf(entry.cardId);
    if (!card) continue;
    judged += 1;
    const move = moveOf(entry, card);
    if (verdictOf(evaluate(opts.active, move, card.snapshot)) !== entry.verdict) continue;
    const decision = evaluate(opts.draft, move, card.snapshot, opts.people);
    const draft = verdictOf(decision);
    if (draft === entry.verdict) continue;
    changes.push({
      actionId: entry.actionId,
      at: entry.movedAt ?? entry.at,
      cardId: entry.cardId,
      cardName: entry.cardName,
      from: entry.from?.name ?? '',
      to: entry.to.name,
      mover: entry.mover || null,
      was: entry.verdict,
      draft,
      reasons: decision.verdict === 'deny' ? failureTexts(decision.failures, language) : failureTexts(entry.failures, language),
    });
  }
  return { judged, changes };
}

function moveOf(entry: JudgedMove, card: ReplayCard): Move {
  if (!entry.from) return { kind: 'create', fromList: null, toList: entry.to.name, mover: entry.mover };
  return { kind: 'move', fromList: judgedFrom(entry, entry.from.name, card), toList: entry.to.name, mover: entry.mover };
}

/**
 * As the worker's `judgedFrom`: the stage of the card's last visit entered before the move (not the
 * visit the move itself opened); Trello's `listBefore` only for a card with no such visit.
 */
function judgedFrom(entry: JudgedMove, listBefore: string, card: ReplayCard): string {
  const movedAt = Date.parse(entry.movedAt ?? entry.at);
  const earlier = card.visits.filter((v) => v.actionId !== entry.actionId && Date.parse(v.enteredAt) < movedAt);
  return earlier.at(-1)?.stage ?? listBefore;
}

function verdictOf(decision: Decision): ReplayVerdict {
  return decision.verdict === 'deny' ? 'reverted' : 'accepted';
}
