import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(__dirname, '../..');

export type ServiceProcess = {
  /** SIGKILL, as a crash would: no shutdown, locks left to expire. Resolves once it is gone. */
  kill(): Promise<void>;
  /**
   * Starts the process with its environment and resolves once it has started. Like a supervisor,
   * starts it again when it exits during start-up (Redis restarting at that moment, say).
   */
  start(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  output(): string;
  /** The last `n` lines of everything it printed (all its runs), for a report on a stuck run. */
  lastLines(n: number): string[];
  /** Its current state in a few words: running (pid), starting, or down. */
  state(): string;
  kills: number;
};

const isRunning = (child: ChildProcess | undefined): boolean => !!child && child.exitCode === null && child.signalCode === null;

/**
 * The service as its own OS process (`server/main.ts` with tsx as a loader), so that a test can
 * kill it at an exact point of its work and start it again, as a crash and a supervisor would.
 */
export function serviceProcess(env: Record<string, string>, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ServiceProcess {
  let child: ChildProcess | undefined;
  let output = '';
  let stopping = false;
  // Every process still alive: two restarts racing (a crash point hit while a restart is under way)
  // can leave one that `child` no longer names, and stop() must not leave it running.
  const alive = new Set<ChildProcess>();

  async function startOnce(): Promise<void> {
    // One process: the tsx command would run the service in a child that a SIGKILL leaves orphaned.
    const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    alive.add(started);
    started.once('exit', () => alive.delete(started));
    const from = output.length;
    let ready: () => void = () => {};
    const readyLine = new Promise<void>((resolve) => (ready = resolve));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.indexOf('"msg":"service started"', from) >= 0) ready();
    };
    started.stdout!.on('data', read);
    started.stderr!.on('data', read);
    let up = false;
    const exited = once(started, 'exit').then(([code, signal]) => {
      // Killed by kill() while starting (it took a job at once and hit a crash point): a crash, not a failure.
      if (signal === 'SIGKILL') return;
      // Died on its own after it had started: a supervisor starts it again.
      if (up && !stopping) return void handle.start();
      throw new Error(`[chaos] the ${env.ROLE ?? 'all'} process exited with ${code} before it started:\n${output.slice(from).slice(-3000)}`);
    });
    await Promise.race([readyLine, exited]);
    up = true;
  }

  let starting: Promise<void> | null = null;
  // As a supervisor would: a process that cannot start (Trello or Redis down right then) is tried again.
  async function superviseStart(): Promise<void> {
    while (!stopping) {
      try {
        return await startOnce();
      } catch (err) {
        const lines = (err as Error).message.trim().split('\n');
        if (!stopping) say(`${lines[0]} (${lines.at(-1)!.slice(0, 300)}); starting it again in 1 s`);
        await sleep(1000);
      }
    }
  }

  const handle: ServiceProcess = {
    kills: 0,
    start() {
      // One start at a time: a second caller (a crash point hit mid-restart) waits for the first.
      starting ??= superviseStart().finally(() => (starting = null));
      // A process killed while it started counts as started (a crash, not a failure), so a start
      // that joined that one would end with nothing running: the killer's restart joins the start
      // under way, which resolves a few microtasks later with that dead process. Whoever asked
      // for a start gets a running process.
      return starting.then(() => {
        if (!stopping && !isRunning(child)) return handle.start();
      });
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      handle.kills += 1;
      const gone = once(running, 'exit');
      running.kill('SIGKILL');
      await gone;
    },
    async stop() {
      stopping = true;
      await Promise.all([...alive].map(async (running) => {
        const gone = once(running, 'exit');
        running.kill('SIGTERM');
        // A process that does not stop in time is killed: a test run must never leave one behind.
        const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
        await gone;
        clearTimeout(timer);
      }));
    },
    output: () => output,
    lastLines: (n) => output.trimEnd().split('\n').slice(-n),
    state: () => (starting ? 'starting' : isRunning(child) ? `running (pid ${child!.pid})` : 'down'),
  };
  return handle;
}
