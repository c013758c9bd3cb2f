import { checkRulesFile } from '../config/check-rules-file';
import { Env } from '../config/env-schema';
import { connectRedis, createWorkerRedis } from '../queue/redis-connections';
import { exportRules, importRulesFile, listVersions, type CommandResult } from '../rules-store/rules-file-commands';
import { createRulesVersions, type RulesVersions } from '../rules-store/rules-versions';

/** A subcommand of `npm run rules`: its arguments and what it does, for the usage text, and the doing. */
type Command = { args: string; what: string; run: (args: string[]) => number | Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: {
    args: 'FILE...',
    what: 'check rules files (YAML; JSON if named .json) as the service does at start: "FILE: OK — N stages, M fields",\n' +
      'or every problem as FILE:LINE:COLUMN: path: message (exit code 1)',
    run: check,
  },
  import: {
    args: 'FILE [COMMENT]',
    what: 'make FILE the active rules version (REDIS_URL, REDIS_PREFIX) after the checks a save in the editor\n' +
      'passes; running processes switch to it. Nothing is saved when FILE is the active version',
    run: ([file, ...comment]) => (file ? withVersions((versions) => importRulesFile(versions, file, comment.join(' ') || undefined)) : usage()),
  },
  export: {
    args: '[FILE] [--version N]',
    what: 'write the active rules version (or version N) exactly as saved, to FILE or stdout',
    run: (args) => {
      const at = args.indexOf('--version');
      const version = at >= 0 ? Number(args[at + 1]) : undefined;
      if (version !== undefined && !Number.isInteger(version)) return usage();
      const file = args.filter((_, n) => at < 0 || (n !== at && n !== at + 1))[0];
      return withVersions((versions) => exportRules(versions, file, version));
    },
  },
  versions: {
    args: '',
    what: 'list the saved rules versions, newest first; * marks the active one',
    run: () => withVersions(listVersions),
  },
};

/** Runs a command against the versions in Redis (REDIS_URL and REDIS_PREFIX, as the service reads them). */
async function withVersions(command: (versions: RulesVersions) => Promise<CommandResult>): Promise<number> {
  const env = Env.pick({ REDIS_URL: true, REDIS_PREFIX: true }).parse(process.env);
  const redis = await connectRedis(createWorkerRedis(env.REDIS_URL), env.REDIS_URL);
  try {
    const result = await command(createRulesVersions({ redis, prefix: env.REDIS_PREFIX }));
    if (result.out.length) process.stdout.write(`${result.out.join('\n')}\n`);
    if (result.err.length) process.stderr.write(`${result.err.join('\n')}\n`);
    return result.code;
  } finally {
    await redis.quit();
  }
}

const WIDTH = Math.max(...Object.entries(COMMANDS).map(([name, command]) => `${name} ${command.args}`.length)) + 2;
const USAGE = [
  'usage: npm run rules -- <command>',
  ...Object.entries(COMMANDS).map(([name, command]) =>
    `  ${`${name} ${command.args}`.padEnd(WIDTH)}${command.what.replaceAll('\n', `\n  ${' '.repeat(WIDTH)}`)}`),
].join('\n');

function check(files: string[]): number {
  if (files.length === 0) return usage();
  let ok = true;
  for (const file of files) {
    const result = checkRulesFile(file);
    process.stdout.write(`${result.lines.join('\n')}\n`);
    ok &&= result.ok;
  }
  return ok ? 0 : 1;
}

function usage(): number {
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

/** `npm run rules -- <command>`: tools for the rules file, without the service running. */
async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name === undefined ? undefined : COMMANDS[name];
  return command ? command.run(args) : usage();
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  },
);
