import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { parseRules, RulesError, type ProcessConfig } from '../../rules';
import type { RulesVersions } from './rules-versions';

/** The rules a piece of work runs under: the version's number travels with it into the audit log. */
export type ActiveRules = { version: number; config: ProcessConfig; hash: string };

export type LiveRules = {
  /** The version in force as this process last heard: no Redis call (a request's rules). */
  current(): ActiveRules;
  /**
   * Asks Redis which version is active first (one GET) and loads it if it is new: what a job
   * starts with, so a job never runs under a version older than the last save it could see.
   */
  fresh(): Promise<ActiveRules>;
  /** Told of each version this process switches to, after the switch (what must follow it: the pending deadlines). */
  onSwitch(listener: (rules: ActiveRules) => void): void;
  close(): Promise<void>;
};

/** A saved version this service cannot run: its text no longer passes the checks (a newer service, stricter rules). */
export class UnusableRulesVersionError extends Error {
  override readonly name = 'UnusableRulesVersionError';
}

/** A saved version's config; never half-used when its text no longer parses. */
export function configOfVersion(version: { version: number; text: string }): ProcessConfig {
  try {
    return parseRules(version.text, 'yaml');
  } catch (err) {
    if (err instanceof RulesError) throw new UnusableRulesVersionError(`[rules] the saved rules version ${version.version} is invalid: ${err.message}`);
    throw err;
  }
}

/**
 * Keeps this process on the active rules version: a subscription to the versions' channel switches
 * within moments of a save, and `fresh()` before each job covers a message missed while Redis was
 * away. A version that cannot be loaded leaves the last good one in force, logged.
 */
export async function startLiveRules(opts: {
  versions: Pick<RulesVersions, 'activeNumber' | 'get' | 'channel'>;
  /** A connection of its own: a subscribed ioredis connection can do nothing else. */
  subscriber: Redis;
  initial: ActiveRules;
  log: Logger;
}): Promise<LiveRules> {
  const { versions, subscriber, log } = opts;
  let current = opts.initial;
  let loading: Promise<ActiveRules> | null = null;
  let unusable: number | null = null;
  const listeners: ((rules: ActiveRules) => void)[] = [];

  async function load(n: number): Promise<ActiveRules> {
    const version = await versions.get(n);
    if (!version) throw new Error(`[rules] the active rules version ${n} is missing from Redis`);
    const next = { version: n, config: configOfVersion(version), hash: version.hash };
    // Two loads may race (a message and a job's check): the newer version wins.
    if (next.version > current.version) {
      log.info({ rulesVersion: n, previous: current.version, author: version.author?.username ?? 'file' }, 'rules version now in force');
      current = next;
      for (const listener of listeners) listener(next);
    }
    return current;
  }

  async function fresh(): Promise<ActiveRules> {
    const n = await versions.activeNumber();
    if (n === null || n <= current.version || n === unusable) return current;
    loading ??= load(n)
      .catch((err: Error) => {
        // Redis failing is the job's to retry; a version that can never load is not.
        if (!(err instanceof UnusableRulesVersionError)) throw err;
        // Enforcement goes on under the last good version rather than stopping every job; said once.
        unusable = n;
        log.error({ err, rulesVersion: n, inForce: current.version }, 'the active rules version cannot be used; the previous one stays in force');
        return current;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  const refresh = () => void fresh().catch((err: Error) => log.warn({ err }, 'could not ask Redis for the active rules version; the next job asks again'));
  subscriber.on('message', (channel) => {
    if (channel === versions.channel) refresh();
  });
  // ioredis subscribes again after a reconnect; a save made meanwhile was published to nobody.
  subscriber.on('ready', refresh);
  await subscriber.subscribe(versions.channel);
  return {
    current: () => current,
    fresh,
    onSwitch: (listener) => void listeners.push(listener),
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

/**
 * What is built from one version, built once per version: the deadline scheduler, the notifier's
 * routing, the API's routes. The last version's parts are kept; an older job's parts are rebuilt.
 */
export function perVersion<T>(build: (rules: ActiveRules) => T): (rules: ActiveRules) => T {
  let last: { version: number; parts: T } | null = null;
  return (rules) => {
    if (last?.version === rules.version) return last.parts;
    const parts = build(rules);
    if (!last || rules.version > last.version) last = { version: rules.version, parts };
    return parts;
  };
}

/** A handler built per version (perVersion): each request is served under the version in force as it arrives. */
export function versionedHandler(rules: Pick<LiveRules, 'current'>, build: (rules: ActiveRules) => RequestHandler): RequestHandler {
  const forVersion = perVersion(build);
  return (req, res, next) => forVersion(rules.current())(req, res, next);
}
