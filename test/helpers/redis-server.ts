import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { freePort } from '../stack/free-port';

export type PrivateRedisServer = {
  url: string;
  port: number;
  /** The server's working directory: its AOF directory and RDB file land here. */
  dir: string;
  /** Stops the server (SIGTERM: it writes what its own settings say) and starts it again on the same port and dir. */
  restart(): Promise<void>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
};

/**
 * A `redis-server` of the test's own, on a free port in a temporary directory, started with `args`
 * (e.g. `['--appendonly', 'yes']`). For tests that need persistence settings or a restart: the
 * shared Redis on 6379 must never be reconfigured or restarted. Resolves once it answers PING.
 */
export async function startRedisServer(args: string[] = []): Promise<PrivateRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gatekeeper-test-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  // Defaults first so that `args` can override them (the last occurrence of a setting wins).
  const argv = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...args];
  let child = await launch(argv, port);
  return {
    url,
    port,
    dir,
    async restart() {
      await stopChild(child);
      child = await launch(argv, port);
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(argv: string[], port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const spawnError = once(child, 'error').then(([err]) => err as Error);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await answersPing(port)) return child;
    const failed = await Promise.race([spawnError, new Promise<null>((resolve) => setTimeout(() => resolve(null), 50))]);
    if (failed) throw new Error(`[test] cannot start redis-server (${failed.message}): install it with "apt-get install redis-server"`);
  }
  await stopChild(child);
  throw new Error(`[test] redis-server ${argv.join(' ')} did not answer PING on port ${port}; its output:\n${output}`);
}

/**
 * True once the server answers PING with PONG (not while it is still loading its AOF or RDB). A bare
 * socket: a refused ioredis connection leaves a 2 s disconnect timer behind that keeps jest running.
 */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = once(child, 'exit').then(() => undefined);
  child.kill('SIGTERM');
  return exited;
}
