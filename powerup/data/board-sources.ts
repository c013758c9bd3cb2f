import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import type { CardStatus, PowerUpRules, StageMovers } from '../model/api-contract';
import { statusIsFresh, type CardFacts } from '../model/status-freshness';
import { apiBaseUrl, createApiClient, type ApiClient } from './api-client';
import { sharedValue, type SharedValue } from './shared-value';

/** Trello's JWTs live 15 minutes; one is reused for 10, across every card of the board. */
const TOKEN_TTL_MS = 10 * 60_000;
/** The rules change when the admin edits them; five minutes is soon enough for a badge. */
const RULES_TTL_MS = 5 * 60_000;
/** One status request serves every card of the board for this long. */
const STATUS_TTL_MS = 30_000;
/** A card that changed since the status was fetched may refetch it, but not more often than this. */
const STATUS_REFRESH_MIN_AGE_MS = 5_000;

export type BoardSources = {
  /** The member's JWT for this board, shared by every call (`t.jwt()` asks Trello each time). */
  token(t: HostHandlers): Promise<string>;
  api(t: HostHandlers): ApiClient;
  config(t: HostHandlers): Promise<PowerUpRules>;
  /** The card's status from the board's shared status, refetched once if Trello says it changed. */
  cardStatus(t: HostHandlers, cardId: string, facts: CardFacts): Promise<CardStatus | undefined>;
  /** Who may move cards into the gated stages, as this member sees it (from the same shared status). */
  movers(t: HostHandlers): Promise<StageMovers>;
  /** After a move the board's status is out of date for everyone. */
  forgetStatus(t: HostHandlers): void;
};

/**
 * What the Power-Up fetches, each loaded once and shared: a JWT per board, the rules, and the
 * board's card status (one request for all its cards). The connector keeps one of these for its
 * whole life; a page (card back, popup) makes its own.
 */
export function createBoardSources(opts: { pageUrl: string; fetch?: typeof fetch; now?: () => number }): BoardSources {
  const tokens = new Map<string, SharedValue<string>>();
  const statuses = new Map<string, SharedValue<{ cards: Record<string, CardStatus>; movers?: StageMovers }>>();
  let rules: SharedValue<PowerUpRules> | undefined;
  const board = (t: HostHandlers) => t.getContext().board;
  const perBoard = <T>(map: Map<string, SharedValue<T>>, t: HostHandlers, load: () => Promise<T>, ttl: number) => {
    let value = map.get(board(t));
    if (!value) map.set(board(t), (value = sharedValue(load, ttl, opts.now)));
    return value;
  };
  const token = (t: HostHandlers) => perBoard(tokens, t, () => t.jwt({}), TOKEN_TTL_MS).get();
  const api = (t: HostHandlers) =>
    createApiClient({ baseUrl: apiBaseUrl(opts.pageUrl), token: () => token(t), ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  const status = (t: HostHandlers) => perBoard(statuses, t, () => api(t).boardStatus(board(t)), STATUS_TTL_MS);
  return {
    token,
    api,
    config(t) {
      rules ??= sharedValue(async () => (await api(t).rules()).config, RULES_TTL_MS, opts.now);
      return rules.get();
    },
    async cardStatus(t, cardId, facts) {
      const found = (await status(t).get()).cards[cardId];
      if (statusIsFresh(facts, found)) return found;
      return (await status(t).refresh(STATUS_REFRESH_MIN_AGE_MS)).cards[cardId];
    },
    // A server from before `movers` answers without it: nobody is then told whom to ask.
    movers: async (t) => (await status(t).get()).movers ?? {},
    forgetStatus: (t) => status(t).forget(),
  };
}
