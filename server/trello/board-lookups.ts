import type { Logger } from 'pino';
import { sameName, type People } from '../../rules';
import type { TrelloClient } from './create-trello-client';
import type { TrelloList, TrelloMember } from './schema';
import { createTtlCache, type TtlCache } from './ttl-cache';

export type BoardLookups = {
  /** The board member behind a JWT's idMember; undefined for someone who is not on the board. */
  member(boardId: string, memberId: string): Promise<TrelloMember | undefined>;
  /** The open list a stage names on this board. */
  list(boardId: string, name: string): Promise<TrelloList | undefined>;
  /** Every member of the board, as last read (the director's view names people by them). */
  members(boardId: string): Promise<TrelloMember[]>;
  /** Every list of the board, archived ones too, as last read (a card's list id → its name). */
  lists(boardId: string): Promise<TrelloList[]>;
};

// Members and lists change rarely; a click on «Следующий этап» should not cost two extra Trello calls.
const TTL_MS = 10 * 60_000;
// A miss may mean a member just joined or a list was just made: look again, but not more than this often.
const RECHECK_MISS_AFTER_MS = 60_000;

export function createBoardLookups(opts: {
  trello: Pick<TrelloClient, 'getBoardMembers' | 'getBoardLists'>;
  now?: () => number;
}): BoardLookups {
  const members = createTtlCache({ ttlMs: TTL_MS, load: (id) => opts.trello.getBoardMembers(id), now: opts.now });
  const lists = createTtlCache({ ttlMs: TTL_MS, load: (id) => opts.trello.getBoardLists(id), now: opts.now });
  return {
    member: (boardId, memberId) => findFresh(members, boardId, (m) => m.id === memberId),
    list: (boardId, name) => findFresh(lists, boardId, (l) => !l.closed && sameName(l.name, name)),
    members: (boardId) => members.get(boardId),
    lists: (boardId) => lists.get(boardId),
  };
}

/** Board members by username, for naming people; someone not on the board (or without a full name) keeps the username only. */
export function peopleOf(members: readonly TrelloMember[]): People {
  const byName = new Map(members.map((m) => [m.username.toLowerCase(), m.fullName]));
  return (username) => ({ username, fullName: byName.get(username.replace(/^@/, '').toLowerCase()) || null });
}

/**
 * The board's people for a message that names them, read through the cache. Names are a courtesy:
 * when Trello cannot list the members (429, 500, a timeout) the message names usernames only, so
 * the caller's work (judging a move, sending a notice) goes on; the failure is logged at warn.
 */
export async function boardPeople(
  lookups: Pick<BoardLookups, 'members'>,
  boardId: string,
  log: Pick<Logger, 'warn'>,
): Promise<People | undefined> {
  try {
    return peopleOf(await lookups.members(boardId));
  } catch (err) {
    log.warn({ err, boardId }, 'board members could not be read: messages name usernames only');
    return undefined;
  }
}

async function findFresh<T>(cache: TtlCache<T[]>, boardId: string, match: (item: T) => boolean): Promise<T | undefined> {
  const found = (await cache.get(boardId)).find(match);
  return found ?? (await cache.get(boardId, RECHECK_MISS_AFTER_MS)).find(match);
}
