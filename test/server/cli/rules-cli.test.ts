import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { checkRulesFile } from '../../../server/config/check-rules-file';
import { exportRules, importRulesFile } from '../../../server/rules-store/rules-file-commands';
import { createRulesVersions } from '../../../server/rules-store/rules-versions';
import { deleteKeys, testRedis, TEST_REDIS_URL, uniquePrefix } from '../../helpers/redis';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'rules-cli-'));
const DEFAULT_FILE = 'rules/radio-onboarding.yaml';
const defaultText = readFileSync(path.join(root, DEFAULT_FILE), 'utf8');

/** `npm run rules -- …` as a person runs it. */
async function rules(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return rulesWith({}, ...args);
}

async function rulesWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(tsx, ['server/cli/rules.ts', ...args], { cwd: root, timeout: 60_000, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** "FILE:LINE:COLUMN" of the first `fragment` in `text`. */
function at(file: string, text: string, fragment: string): string {
  const lines = text.slice(0, text.indexOf(fragment)).split('\n');
  return `${file}:${lines.length}:${lines.at(-1)!.length + 1}`;
}

describe('npm run rules -- check', () => {
  it('says OK with the size of a good file, and exits 0', async () => {
    expect(await rules('check', DEFAULT_FILE)).toEqual({ code: 0, stdout: `${DEFAULT_FILE}: OK — 9 stages, 25 fields\n`, stderr: '' });
  });

  it('prints every problem of a bad file as FILE:LINE:COLUMN: path: message, and exits 1', async () => {
    const text = defaultText
      .replace('    limitWorkingDays: 5\n    gate:', '    limitWorkingDays: 5\n    gatee:')
      .replace('fields: [contract.number, contract.date]', 'fields: [contract.numbr, contract.date]');
    const file = write('typo.yaml', text);
    const { code, stdout } = await rules('check', DEFAULT_FILE, file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        `${DEFAULT_FILE}: OK — 9 stages, 25 fields`,
        `${at(file, text, 'gatee:')}: stages[1] («Сбор данных»).gatee: unknown key "gatee" (did you mean "gate"?)`,
        `${at(file, text, 'contract.numbr')}: stages[4] («Подключение»).gate.fields[0]: unknown field "contract.numbr" (did you mean "contract.number"?)`,
        '',
      ].join('\n'),
    );
  });

  it('prints its usage without a command or a file, and exits 2', async () => {
    const { code, stderr } = await rules('check');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: npm run rules -- <command>\n {2}check FILE\.\.\. /);
  });
});

describe('npm run rules -- import, export, versions (against Redis)', () => {
  const prefix = uniquePrefix('rules-cli');
  const redis = testRedis();
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });
  const withBik = defaultText.replace('fields: [contract.number, contract.date]', 'fields: [contract.number, contract.date, org.bik]');

  const versions = createRulesVersions({ redis, prefix });

  // Through the command line once each for import and versions (the wiring: env, Redis, output);
  // the commands' other cases are called directly, sparing a tsx start each.
  it('imports a file as a new version, saves nothing for the active text, and refuses a bad file with its problems', async () => {
    expect(await rulesWith(env, 'import', DEFAULT_FILE, 'с', 'чего', 'начали')).toMatchObject({
      code: 0, stdout: `${DEFAULT_FILE} saved as version 1 (was none); running processes switch to it within a second\n`,
    });
    expect(await importRulesFile(versions, DEFAULT_FILE)).toEqual({ code: 0, out: [`${DEFAULT_FILE} is already the active version 1: nothing saved`], err: [] });
    const bik = write('bik.yaml', withBik);
    expect((await importRulesFile(versions, bik)).out).toEqual([`${bik} saved as version 2 (was 1); running processes switch to it within a second`]);
    const badText = defaultText.replace('contract.date]', 'contract.dat]');
    const bad = write('bad.yaml', badText);
    const refused = await importRulesFile(versions, bad);
    expect(refused).toMatchObject({ code: 1, err: [`${bad}: not imported`] });
    expect(refused.out[0]).toContain(`${at(bad, badText, 'contract.dat]')}: stages[4] («Подключение»).gate.fields[1]: unknown field "contract.dat"`);
    expect(await versions.activeNumber()).toBe(2);
    expect(await versions.get(1)).toMatchObject({ source: 'import', author: null, comment: 'с чего начали', text: defaultText });
  });

  it('says when an imported version needs a restart: the notify workers keep the transports they started with', async () => {
    const english = write('english.yaml', withBik.replace(/^language: ru$/m, 'language: en'));
    const result = await importRulesFile(versions, english);
    expect(result.code).toBe(0);
    expect(result.err).toEqual(['restart the service: language: changes the language of notifications (ru → en)']);
    expect(await versions.activeNumber()).toBe(3);
  });

  it('exports the active version, or any version, exactly as saved', async () => {
    const out = path.join(dir, 'active.yaml');
    expect((await exportRules(versions, out)).out[0]).toMatch(/^version 3 \(.+ file, import: imported from .+english\.yaml \[[0-9a-f]{12}\]\) written to /);
    expect(readFileSync(out, 'utf8')).toBe(withBik.replace(/^language: ru$/m, 'language: en'));
    expect((await exportRules(versions, undefined, 1)).out).toEqual([defaultText.replace(/\n$/, '')]);
    expect(await exportRules(versions, undefined, 9)).toEqual({ code: 1, out: [], err: ['there is no rules version 9'] });
  });

  it('lists the versions newest first, the active one marked', async () => {
    const { stdout } = await rulesWith(env, 'versions');
    expect(stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 6))).toEqual(['*   3 ', '    2 ', '    1 ']);
    expect(stdout).toContain('file, import: с чего начали');
  });
});

describe('checkRulesFile', () => {
  it('reads a .json file as JSON, its problems placed in its lines', () => {
    const rules = parse(defaultText) as { roles: Record<string, unknown> };
    rules.roles.enginer = rules.roles.engineer;
    delete rules.roles.engineer;
    const text = JSON.stringify(rules, null, 2);
    const file = write('rules.json', text);
    const { ok, lines } = checkRulesFile(file);
    expect(ok).toBe(false);
    expect(lines[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+: stages\\[2\\] \\(«Техническая экспертиза»\\)\\.owner: unknown role "engineer" \\(did you mean "enginer"\\?\\)$`));
    expect(lines.every((line) => /^[^:]+:\d+:\d+: \S/.test(line))).toBe(true);
  });

  it('gives a syntax error its line and column once', () => {
    const file = write('broken.yaml', 'roles:\n  a: [x]\nroles:\n  b: [y]\n');
    expect(checkRulesFile(file)).toEqual({ ok: false, lines: [`${file}:3:1: YAML: Map keys must be unique`] });
  });

  it('says when the file cannot be read', () => {
    expect(checkRulesFile(path.join(dir, 'missing.yaml'))).toEqual({ ok: false, lines: [expect.stringMatching(/missing\.yaml: cannot read: ENOENT/)] });
  });
});
