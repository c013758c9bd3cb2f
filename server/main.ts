import { loadEnv } from './config/load-env';
import { createLogger } from './create-logger';
import { startService } from './start-service';

/** Entry point: read the environment once, start, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const service = await startService({ env, log });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new webhooks, finishing running jobs');
    await service.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  // Boot errors (bad env, bad rules, Redis unreachable) already say what to fix.
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
