import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const codeBlocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2]!.trimEnd() }));

describe('the README', () => {
  it('shows a rule exactly as the default rules file has it', () => {
    const rule = codeBlocks.find((b) => b.lang === 'yaml')!.body;
    expect(readFileSync(join(root, 'rules/radio-onboarding.yaml'), 'utf8')).toContain(rule);
  });

  it('names the two commands of a fresh machine', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe('npm run demo', () => {
  it('tells the whole story, prints the README comment word for word and exits 0', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'test/demo/run-demo.ts'], { cwd: root, timeout: 60_000 });
    const readmeComment = codeBlocks.find((b) => b.body.startsWith('@manager, карточку нельзя'))!.body;
    const printed = stdout.split('\n').map((line) => line.replace(/^ {5}/, '')).join('\n');
    expect(printed).toContain(readmeComment);
    expect(stdout).toContain('перемещать в «Подключение» может только: director');
    expect(stdout).toContain('+ чек-лист «Регистрация клиента»');
    expect(stdout).toMatch(/«Радио Ромашка» — активный клиент/);
  }, 90_000);
});
