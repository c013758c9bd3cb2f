import type { AuditEntry } from '../../server/store/audit-log';

/**
 * A decision as the worker writes it: an accepted forward move from `from` to `to` on `board`,
 * judged now, unless `entry` says otherwise.
 */
export function judgedMove(
  board: { boardId: string; lists: Record<string, string> },
  move: { from: string; to: string },
  entry: Partial<AuditEntry> & Pick<AuditEntry, 'actionId' | 'cardId' | 'cardName'>,
): AuditEntry {
  const list = (name: string) => {
    const id = board.lists[name];
    if (!id) throw new Error(`judgedMove: board ${board.boardId} has no list «${name}»`);
    return { id, name };
  };
  return {
    at: new Date().toISOString(),
    boardId: board.boardId,
    mover: 'manager',
    from: list(move.from),
    to: list(move.to),
    verdict: 'accepted',
    reason: 'forward',
    failures: [],
    revertedTo: null,
    dryRun: false,
    ...entry,
  };
}
