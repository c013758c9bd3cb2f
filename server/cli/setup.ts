import type { Logger } from 'pino';
import { loadEnv } from '../config/load-env';
import { readRulesFile } from '../config/read-rules-file';
import { createLogger } from '../create-logger';
import { webhookCallbackUrl } from '../http/webhook-path';
import { connectRedis, createWorkerRedis } from '../queue/redis-connections';
import { configOfVersion } from '../rules-store/live-rules';
import { createRulesVersions } from '../rules-store/rules-versions';
import { needsPerson } from '../setup/plan-board-setup';
import { setUpBoard } from '../setup/set-up-board';
import { setupReport } from '../setup/setup-report';
import { createWatchedBoards } from '../store/watched-boards';
import { createTrelloClient } from '../trello/create-trello-client';

const USAGE = `usage: npm run setup -- <boardId> [--apply]
  <boardId>  the board's 24-hex id (open the board URL with ".json" appended and read "id")
  --apply    make the changes (create the missing lists, register the webhook); without it nothing is changed`;

export type SetupIo = {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Defaults to the service's logger at LOG_LEVEL, on stderr so stdout is the report alone. */
  log?: Logger;
};

/**
 * `npm run setup -- <boardId> [--apply]`: checks a board against the rules (the active version) and this
 * deployment (PUBLIC_URL, POWERUP_ID) and prints what it found and would do; `--apply` does it.
 * Returns the exit code: 0 when nothing needs a person, 1 when something does (members to invite,
 * an archived stage list) or set-up failed, 2 for a wrong command line.
 */
export async function runSetup(args: string[], io: SetupIo): Promise<number> {
  const apply = args.includes('--apply');
  const rest = args.filter((arg) => arg !== '--apply');
  const boardId = rest[0];
  if (rest.length !== 1 || !boardId || !/^[0-9a-f]{24}$/.test(boardId)) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const env = loadEnv(io.env);
  const fileRules = readRulesFile(env.RULES_FILE);
  const log = io.log ?? createLogger(env.LOG_LEVEL, process.stderr);
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  try {
    // The rules in force are the active saved version; RULES_FILE only until the service has seeded one.
    const active = await createRulesVersions({ redis, prefix: env.REDIS_PREFIX }).active();
    const rules = active ? configOfVersion(active) : fileRules;
    io.err(active ? `rules: the active version ${active.version}\n` : `rules: ${env.RULES_FILE} (no saved version yet)\n`);
    const trello = createTrelloClient({ baseUrl: env.TRELLO_API_URL, key: env.TRELLO_KEY, token: env.TRELLO_TOKEN, redis, keyPrefix: env.REDIS_PREFIX, log });
    const target = { callbackURL: webhookCallbackUrl(env.PUBLIC_URL), powerUpId: env.POWERUP_ID };
    const { plan, applied } = await setUpBoard(
      { trello, watched: createWatchedBoards({ redis, prefix: env.REDIS_PREFIX }) },
      { boardId, rules, target, apply },
    );
    io.out(setupReport(plan, applied, target.callbackURL));
    return needsPerson(plan) ? 1 : 0;
  } finally {
    await redis.quit();
  }
}

if (require.main === module) {
  runSetup(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
