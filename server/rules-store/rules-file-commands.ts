import { readFileSync, writeFileSync } from 'node:fs';
import { parseRules, RulesError } from '../../rules';
import { compilerLine } from '../config/check-rules-file';
import { rulesFormatOf } from '../config/read-rules-file';
import { deploymentProblems } from '../rules-admin/deployment-problems';
import { configOfVersion } from './live-rules';
import { rulesTextHash, type RulesVersions, type RulesVersionSummary } from './rules-versions';

/** What a command printed (stdout), said aside (stderr), and its exit code. */
export type CommandResult = { code: number; out: string[]; err: string[] };

/**
 * `rules import FILE`: the file becomes a new version (author "file", source "import") after the
 * same checks as a save in the editor; every running process switches to it. A file equal to the
 * active version saves nothing. What the running service cannot switch to live (new notification
 * transports) is saved but said: those need a restart.
 */
export async function importRulesFile(versions: RulesVersions, file: string, comment?: string): Promise<CommandResult> {
  const text = readFileSync(file, 'utf8');
  let config;
  try {
    config = parseRules(text, rulesFormatOf(file));
  } catch (err) {
    if (err instanceof RulesError) return { code: 1, out: err.problems.map((problem) => compilerLine(file, problem)), err: [`${file}: not imported`] };
    throw err;
  }
  const active = await versions.active();
  if (active?.hash === rulesTextHash(text)) return { code: 0, out: [`${file} is already the active version ${active.version}: nothing saved`], err: [] };
  const result = await versions.save({ text, author: null, source: 'import', comment: comment ?? `imported from ${file}`, base: active?.version ?? null });
  if ('conflict' in result) return { code: 1, out: [], err: [`version ${result.conflict?.version} was saved meanwhile; run the import again`] };
  // The service's VAULT_KEYS is not this command's to know; its notification transports are the active version's.
  const restart = active ? deploymentProblems(config, { startConfig: configOfVersion(active), vaultKeys: true }) : [];
  return {
    code: 0,
    out: [`${file} saved as version ${result.saved.version} (was ${active?.version ?? 'none'}); running processes switch to it within a second`],
    err: restart.map((problem) => `restart the service: ${problem.path}: ${problem.message.replace(/; the running service keeps.*$/, '')}`),
  };
}

/** `rules export [FILE] [--version N]`: a version's text exactly as saved, to a file or stdout. */
export async function exportRules(versions: RulesVersions, file: string | undefined, version?: number): Promise<CommandResult> {
  const found = version === undefined ? await versions.active() : await versions.get(version);
  if (!found) return { code: 1, out: [], err: [version === undefined ? 'no rules version is saved yet: the service seeds one from RULES_FILE at start' : `there is no rules version ${version}`] };
  const about = `version ${found.version} (${describeVersion(found)})`;
  if (file === undefined) return { code: 0, out: [found.text.replace(/\n$/, '')], err: [about] };
  writeFileSync(file, found.text);
  return { code: 0, out: [`${about} written to ${file}`], err: [] };
}

/** `rules versions`: the history, newest first, the active one marked. */
export async function listVersions(versions: RulesVersions): Promise<CommandResult> {
  const [active, list] = await Promise.all([versions.activeNumber(), versions.list()]);
  if (list.length === 0) return { code: 0, out: ['no rules versions yet: the service seeds version 1 from RULES_FILE at start'], err: [] };
  return { code: 0, out: list.map((v) => `${v.version === active ? '*' : ' '} ${String(v.version).padStart(3)}  ${describeVersion(v)}`), err: [] };
}

function describeVersion(v: RulesVersionSummary): string {
  const who = v.author ? `${v.author.fullName ? `${v.author.fullName} ` : ''}@${v.author.username}` : 'file';
  const how = v.source === 'restore' ? `restore of ${v.restoredFrom}` : v.source;
  return `${v.at} ${who}, ${how}: ${v.comment} [${v.hash.slice(0, 12)}]`;
}
