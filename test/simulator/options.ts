import type { SimulatorOptions } from './types';

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'log' | 'port'>> & {
  port: number;
  log: (line: string) => void;
};

/** Trello's documented defaults (docs/trello-reference.md §1.4, §4); the secret has none (house style: fail closed). */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  if (typeof options.appSecret !== 'string' || options.appSecret.length === 0) {
    throw new Error('[simulator] appSecret is required: it signs every webhook delivery');
  }
  return {
    appSecret: options.appSecret,
    port: options.port ?? 0,
    rateLimit: options.rateLimit ?? { windowMs: 10_000, perKey: 300, perToken: 100 },
    deliveryRetryDelaysMs: options.deliveryRetryDelaysMs ?? [30_000, 60_000, 120_000],
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 30_000,
    disableAfterFailures: options.disableAfterFailures ?? 1000,
    escapeJson: options.escapeJson ?? false,
    now: options.now ?? Date.now,
    log: options.log ?? (() => {}),
  };
}
