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
  // One run for both stories: it exits 0 or this hook fails.
  let stdout = '';
  beforeAll(async () => {
    ({ stdout } = await promisify(execFile)('npx', ['tsx', 'test/demo/run-demo.ts'], { cwd: root, timeout: 60_000 }));
  }, 90_000);

  it('tells the whole story and prints the README comment word for word', () => {
    const readmeComment = codeBlocks.find((b) => b.body.startsWith('@manager, карточку нельзя'))!.body;
    const printed = stdout.split('\n').map((line) => line.replace(/^ {5}/, '')).join('\n');
    expect(printed).toContain(readmeComment);
    expect(stdout).toContain('переместить в «Подключение» может только директор (Ирина Директорова, @director)');
    expect(stdout).toContain('+ чек-лист «Регистрация клиента»');
    expect(stdout).toMatch(/«Радио Ромашка» — активный клиент/);
  });

  it('first sums up a year of seeded history with the director`s headline, from the real summary API', () => {
    expect(stdout).toMatch(/История за год: 60 станций \(\d+ подключено, \d+ в работе\)/);
    expect(stdout).toMatch(
      /Подключение станции: (медиана \d+,\d рабочего дня в этом месяце \(\d+ подключени[еяй]\)|в этом месяце подключений нет), в прошлом — .*; за 12 месяцев — \d+,\d \(\d+ подключени[еяй]\); по месяцам: /,
    );
    expect(stdout).toMatch(/Сейчас в работе \d+ станци[йия], просрочено: [1-9]/);
  });

  it('lets a second station overstay «Подключение» on a shortened clock: the engineer is told, then the director', () => {
    expect(stdout).toContain('DEADLINE_WORKING_HOUR_MS=');
    expect(stdout).toMatch(/@engineer, станция «Радио Вектор» в «Подключение» с .*срок этапа истёк/);
    expect(stdout).toContain('⏰ срок этапа истёк — напоминание ответственному: @engineer');
    expect(stdout).toMatch(/@director, станция «Радио Вектор» застряла в «Подключение»/);
    expect(stdout).toContain('⏫ эскалация — сообщение контролёру этапа: @director');
    expect(stdout).toMatch(/«Радио Вектор» просрочена/);
  });
});
