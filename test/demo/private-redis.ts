import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../stack/free-port';

export type RedisHandle = { url: string; stop(): Promise<void> };

/**
 * The Redis at `url` if it answers; otherwise a private `redis-server` on a free port in a
 * temporary directory, stopped (and its directory removed) by `stop()`, so the demo leaves nothing running.
 */
export async function reachableOrPrivateRedis(url: string, say: (line: string) => void): Promise<RedisHandle> {
  if (await answers(url)) return { url, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(`nothing answers at ${url} and there is no redis-server to start: install it with "apt-get install redis-server" (or set REDIS_URL)`);
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gatekeeper-demo-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(privateUrl)); i++) await new Promise((r) => setTimeout(r, 100));
  say(`Redis не отвечает на ${url} — запущен временный redis-server на ${privateUrl}`);
  return {
    url: privateUrl,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
