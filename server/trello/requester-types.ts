import type { AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { RateLimiter } from './rate-limiter';
import type { RetryPolicy } from './retry';

// The requester and its single attempt both speak these; kept apart so neither imports the other's module for them.
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean>;

export type TrelloCall<S extends z.ZodType> = {
  method: HttpMethod;
  /** Starts with /1/; ids in it must already be URL-encoded. */
  path: string;
  params?: QueryParams;
  schema: S;
};

export type SendRequest = <S extends z.ZodType>(call: TrelloCall<S>) => Promise<z.output<S>>;

/** One attempt that went out to Trello: the HTTP status, or how it failed to get one. */
export type TrelloAttempt = {
  method: HttpMethod;
  /** As logged: the key and token masked. */
  path: string;
  status: number | 'network' | 'timeout';
};

export type RequesterDeps = {
  http: AxiosInstance;
  limiter: RateLimiter;
  retry: RetryPolicy;
  log: Logger;
  key: string;
  token: string;
  windowMs: number;
  /** Told of every attempt, retries included (metrics count them); if it throws, that is logged, not the call's failure. */
  observe?: (attempt: TrelloAttempt) => void;
};
