import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { evaluate, FAILURE_CODES, FIELD_TYPES, parseRules } from '../../rules';
import { smallConfig } from './small-config';
import { moveCard } from './station-builders';

// docs/rules.md is the admin's reference: its examples must stay true to the code.
const DOC = readFileSync(resolve(__dirname, '../../docs/rules.md'), 'utf8');
const yamlBlocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
const complete = yamlBlocks.filter((block) => block.startsWith('# complete example'));

describe('docs/rules.md', () => {
  it.each(yamlBlocks.map((block, i) => [i, block]))('has YAML example %i that is valid YAML', (_, block) => {
    expect(() => parse(block as string)).not.toThrow();
  });

  it('has a complete example that is a valid rules file', () => {
    expect(complete).toHaveLength(1);
    expect(() => parseRules(complete[0]!, 'yaml')).not.toThrow();
  });

  it('has calendar examples that are valid calendar sections', () => {
    const calendars = yamlBlocks.filter((block) => block.startsWith('calendar:'));
    expect(calendars.length).toBeGreaterThan(0);
    for (const block of calendars) expect(() => smallConfig(parse(block) as Record<string, unknown>)).not.toThrow();
  });

  it('tells the truth about the refusal in that example', () => {
    const config = parseRules(complete[0]!, 'yaml');
    const card = { name: 'Радио', station: { 'contract.number': 'Д-17' }, checklists: [] };
    const people = (username: string) => ({ username, fullName: username === 'ivan_petrov' ? 'Иван Петров' : null });
    const decision = evaluate(config, moveCard('Новая заявка', 'Подключение', 'olga_smirnova'), card, people);
    const reasons = decision.verdict === 'deny' ? decision.failures.map((f) => f.ru) : [];
    expect(reasons).toEqual(['переместить в «Подключение» может только директор (Иван Петров, @ivan_petrov)', 'не отмечено поле «Договор подписан»']);
    for (const reason of reasons) expect(DOC).toContain(`> - ${reason}`);
  });

  it('names every field type and every failure code', () => {
    expect(FIELD_TYPES).toHaveLength(16);
    for (const name of [...FIELD_TYPES, ...FAILURE_CODES]) expect(DOC).toContain(`| \`${name}\` |`);
  });
});
