import pino from 'pino';
import { Redis } from 'ioredis';
import { reachableOrPrivateRedis } from '../demo/private-redis';
import { SANDBOX_STATIONS } from './sandbox-stations';
import { startSandbox } from './start-sandbox';

/**
 * `npm run sandbox`: Trello without Trello, for trying the process and training new staff. Runs
 * until Ctrl+C, then stops everything it started and deletes its Redis keys.
 */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const redisHandle = await reachableOrPrivateRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', say);
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  const prefix = `gatekeeper-sandbox-${process.pid}`;
  say('Песочница Gatekeeper: запускаются симулятор Trello и сервис, заполняется история за год…');
  // Ctrl+C while starting waits for the start to finish, then stops what it started.
  const interrupted = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  try {
    const sandbox = await startSandbox({ redisUrl: redisHandle.url, redis, prefix, log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) });
    say('');
    say(`Откройте в браузере: ${sandbox.url}`);
    say(`Участники: ${sandbox.url}?member=director | manager | engineer | accountant (или переключатель «Вы:» на странице).`);
    say(`На доске: ${SANDBOX_STATIONS.map((s) => `«${s.name}» (${s.stage})`).join(', ')} и станции из истории, ещё не подключённые.`);
    say('Остановить: Ctrl+C.');
    await interrupted;
    say('\nОстанавливаю песочницу…');
    await sandbox.stop();
  } finally {
    await redis.quit();
    await redisHandle.stop();
  }
  say('Готово: всё остановлено, ключи в Redis удалены.');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`sandbox failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
