import { checkRulesFile } from '../config/check-rules-file';

/** A subcommand of `npm run rules`: its arguments and what it does, for the usage text, and the doing. */
type Command = { args: string; what: string; run: (args: string[]) => number | Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: {
    args: 'FILE...',
    what: 'check rules files (YAML; JSON if named .json) as the service does at start: "FILE: OK — N stages, M fields",\n' +
      '                  or every problem as FILE:LINE:COLUMN: path: message (exit code 1)',
    run: check,
  },
};

const USAGE = [
  'usage: npm run rules -- <command>',
  ...Object.entries(COMMANDS).map(([name, command]) => `  ${`${name} ${command.args}`.padEnd(16)}${command.what}`),
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
