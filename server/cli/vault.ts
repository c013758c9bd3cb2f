import { randomBytes } from 'node:crypto';
import { loadEnv } from '../config/load-env';
import { connectRedis, createWorkerRedis } from '../queue/redis-connections';
import { parseVaultKeys } from '../vault/vault-keys';
import { createVaultStore } from '../vault/vault-store';

const USAGE = `usage: npm run vault -- <command>
  new-key [id]   print a new master key line for VAULT_KEYS (put it first to encrypt with it)
  rotate         re-wrap every card's data key under the first key of VAULT_KEYS`;

/** `npm run vault`: the vault's master keys — make one, and move every card onto the newest. */
async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'new-key') {
    const id = arg ?? new Date().toISOString().slice(0, 7);
    process.stdout.write(`${id}:${randomBytes(32).toString('base64')}\n`);
    return;
  }
  if (command !== 'rotate') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const env = loadEnv();
  const keys = parseVaultKeys(env.VAULT_KEYS);
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  try {
    const report = await createVaultStore({ redis, prefix: env.REDIS_PREFIX, keys }).rotate();
    process.stdout.write(
      `${report.cards} cards with credentials: ${report.rewrapped} data keys re-wrapped under "${keys.current.id}", ${report.alreadyCurrent} already under it\n`,
    );
    if (keys.byId.size > 1) process.stdout.write(`every card now opens with "${keys.current.id}" alone; the older keys may leave VAULT_KEYS\n`);
  } finally {
    await redis.quit();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
