import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseRules, RulesError } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';
import { pathsAndMessages } from '../paths-and-messages';

// Issue 9 §2: every problem of a file in one pass — shape and cross-references together — each with
// its line and column in the text, and the stage named by its list where a path runs through one.

const DEFAULT_TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');

/** The default file with fragments replaced (each must be there, so a test cannot rot). */
function edited(...edits: [from: string, to: string][]): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the default rules no longer contain ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, DEFAULT_TEXT);
}

function errorOf(text: string, format: 'yaml' | 'json' = 'yaml'): RulesError {
  try {
    parseRules(text, format);
  } catch (err) {
    if (err instanceof RulesError) return err;
    throw err;
  }
  throw new Error('the rules were accepted');
}

/** The 1-based line and column where `fragment` first starts in `text`, past `after` when given. */
function positionOf(text: string, fragment: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(fragment, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`no ${JSON.stringify(fragment)} in the text`);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

const REFERENCE = /^unknown (role|field|group|checklist|stage|sub-field)|is of type|is not repeatable|is a side stage|has no item|first stage/;

describe('parseRules reports every problem at once', () => {
  describe('a mistyped key in one stage and a wrong field name in another', () => {
    const text = edited(
      ['    limitWorkingDays: 5\n    gate:', '    limitWorkingDays: 5\n    gatee:'],
      ['fields: [contract.number, contract.date]', 'fields: [contract.numbr, contract.date]'],
    );
    const error = errorOf(text);

    it('are both in the one error, the shape first', () => {
      expect(error.code).toBe('rules_invalid');
      expect(pathsAndMessages(error.problems)).toEqual([
        { path: 'stages[1].gatee', message: 'unknown key "gatee" (did you mean "gate"?)' },
        { path: 'stages[4].gate.fields[0]', message: 'unknown field "contract.numbr" (did you mean "contract.number"?)' },
      ]);
    });

    it('each with its line and column, and the stage named by its list', () => {
      expect(error.problems).toEqual([
        expect.objectContaining({ where: 'stages[1] («Сбор данных»).gatee', ...positionOf(text, 'gatee:') }),
        expect.objectContaining({ where: 'stages[4] («Подключение»).gate.fields[0]', ...positionOf(text, 'contract.numbr') }),
      ]);
    });

    it('reads like that in the error message', () => {
      const { line, column } = positionOf(text, 'contract.numbr');
      expect(error.message).toContain(
        `\n  line ${line}, column ${column}: stages[4] («Подключение»).gate.fields[0]: unknown field "contract.numbr" (did you mean "contract.number"?)`,
      );
    });
  });

  describe('where a problem is', () => {
    it('points at the key of a mapping, and at the item of a list', () => {
      const text = edited(['    checklist: Запуск', '    checklist: Старт'], ['group: tech\n', 'group: teh\n']);
      const [field, stage] = errorOf(text).problems;
      expect(field).toEqual({ path: 'fields[15].group', message: expect.any(String), ...positionOf(text, 'group: teh') });
      expect(stage).toMatchObject({ path: 'stages[5].checklist', ...positionOf(text, 'checklist: Старт') });
    });

    it('places a key left out at the mapping it is missing from', () => {
      const text = edited(['anyOf: [contact.phone', 'anyOff: [contact.phone']);
      const missing = errorOf(text).problems.find((p) => p.message === 'is required');
      expect(missing).toMatchObject({ path: 'stages[1].gate.fields[1].anyOf', ...positionOf(text, 'anyOff') });
    });

    it('names no stage for paths outside the stages', () => {
      const [problem] = errorOf(edited(['group: tech\n', 'group: teh\n'])).problems;
      expect(problem?.where).toBeUndefined();
    });

    it('finds the places in a JSON file too', () => {
      const rules = parse(DEFAULT_TEXT) as { stages: { list: string; owner: string; gaet?: unknown }[] };
      rules.stages[2]!.owner = 'enginer';
      rules.stages[7]!.gaet = {};
      const text = JSON.stringify(rules, null, 2);
      const problems = errorOf(text, 'json').problems;
      expect(problems).toEqual([
        { path: 'stages[7].gaet', where: 'stages[7] («Активный клиент»).gaet', message: 'unknown key "gaet" (did you mean "gate"?)', ...positionOf(text, '"gaet"') },
        {
          path: 'stages[2].owner',
          where: 'stages[2] («Техническая экспертиза»).owner',
          message: 'unknown role "enginer" (did you mean "engineer"?)',
          ...positionOf(text, '"owner"', '"list": "Техническая экспертиза"'),
        },
      ]);
    });

    it('keeps the line and column of a syntax error, as numbers too', () => {
      const [problem] = errorOf('roles:\n  a: [x]\nroles:\n  b: [y]\n').problems;
      expect(problem).toEqual({ path: 'line 3, column 1', message: 'YAML: Map keys must be unique', line: 3, column: 1 });
      expect(errorOf('{\n  "roles": {},\n  "stages": [}\n}', 'json').problems[0]).toMatchObject({ path: 'line 3, column 14', line: 3, column: 14 });
    });

    it('does not repeat the place of a syntax error in the message', () => {
      expect(errorOf('roles:\n  a: [x]\nroles:\n  b: [y]\n').message).toBe('[rules] 1 problem in the rules:\n  line 3, column 1: YAML: Map keys must be unique');
    });
  });

  describe('the parts that have the right shape', () => {
    it('are checked with their paths counted in the file, past a stage left unread', () => {
      const problems = errorOf(
        edited(
          ['    limitWorkingDays: 5\n    gate:', '    limitWorkingDays: five\n    gate:'],
          ['  - list: Регистрация в учёте', '  - list: Выдача  доступов'],
          ['checklists: [Регистрация клиента]', 'checklists: [Регистрация клиентов]'],
        ),
      ).problems;
      expect(pathsAndMessages(problems)).toEqual([
        { path: 'stages[1].limitWorkingDays', message: 'must be a number, not "five"' },
        { path: 'stages[6].list', message: 'duplicate stage list "Выдача  доступов" (first at stages[5].list)' },
        { path: 'stages[7].gate.checklists[0]', message: 'unknown checklist "Регистрация клиентов" (did you mean "Регистрация клиента"?)' },
      ]);
    });

    it('are checked past a broken section that is not a list', () => {
      const problems = errorOf(edited(['timeZone: Europe/Moscow', 'timeZone: Europe/Moskow'], ['movers: [director]', 'movers: [directr]'])).problems;
      expect(pathsAndMessages(problems)).toEqual([
        { path: 'calendar.timeZone', message: 'unknown time zone "Europe/Moskow" (did you mean "Europe/Moscow"?)' },
        { path: 'stages[4].gate.movers[0]', message: 'unknown role "directr" (did you mean "director"?)' },
      ]);
    });
  });

  describe('follow-on problems of a malformed part', () => {
    it.each([
      ['a field whose definition is broken is not "unknown" where a gate names it', ['  - key: contract.number\n    type: text', '  - key: contract.number\n    type: textt']],
      ['nor a boolean field "checked" asks for', ['label: { ru: Договор подписан, en: Contract signed }', 'label: { ru: Договор подписан }']],
      ['nor the repeatable field a gate counts the items of', ['itemLabel:', 'itemLabl:']],
      ['nor the bik field of an account', ['  - key: org.bik\n    type: bik', '  - key: org.bik\n    type: bic']],
      ['nor a group whose definition is broken', ['  - key: tech\n', '  - key: tech\n    lable: x\n']],
      ['nor a checklist, where a stage, a gate and the vault name it', ['  - name: Запуск\n', '  - name: Запуск\n    item: []\n']],
      ['nor a stage, where a gate, an exit and a report span name it', ['  - list: Активный клиент\n    owner: manager', '  - list: Активный клиент\n    owner: [manager]']],
      ['nor the first stage, when the first stage read is not the first of the file', ['  - list: Новая заявка\n    owner: manager', '  - list: Новая заявка\n    owner: 7']],
      ['nor a role, when the roles are not a mapping', ['roles:\n', 'roles: oops\nx:\n']],
    ])('%s', (_, edit) => {
      const problems = errorOf(edited(edit as [string, string])).problems;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.filter((p) => REFERENCE.test(p.message))).toEqual([]);
    });

    it('but a name the broken part does not define is still unknown', () => {
      const problems = errorOf(
        edited(['  - key: contract.number\n    type: text', '  - key: contract.number\n    type: textt'], ['checked: [tech.approved]', 'checked: [tech.aproved]']),
      ).problems;
      expect(problems.map((p) => p.path)).toEqual(['fields[17].type', 'stages[3].gate.checked[0]']);
    });
  });

  describe('on any shape at all', () => {
    it.each([
      'stages: 5',
      'stages: [null]',
      'roles: "x"',
      'roles: x\nstages: [{ list: A, owner: a, controller: a }]',
      'roles: { a: [x] }\nstages: [{ list: 1 }, 7, [], { gate: { fields: 3 } }, { list: B, owner: a, controller: b, gate: { from: [A], fields: [k] } }]',
      'roles: [a]\nfields: {}\ngroups: 3\nchecklists: [~, { name: 5 }]\nstages: [{ list: A, owner: a, controller: a, checklist: X, gate: { fields: [x], checklists: [Y] } }]',
      'roles: { a: 1, b: { label: 2 } }\nstages: []\nfields: [{ key: k, type: account, bikField: zz }, 3]',
      'roles: { a: [x] }\nstages: [{ list: A, owner: a, controller: a }]\nreports: { spans: [{ from: A }] }\nvault: 3\nnotifications: { routes: 5 }\nadmins: [zz, 1]\ncalendar: []',
      '{ roles: { a: [x] }, stages: [{ list: A, owner: a, controller: a }], nonsense: { deeply: [1, [2, { x: 3 }]] } }',
      '- 1\n- 2',
      '42',
      '"text"',
      '~',
    ])('%p gives RulesError, every problem placed, nothing else', (text) => {
      const error = errorOf(text);
      expect(error.code).toBe('rules_invalid');
      for (const problem of error.problems) {
        expect(problem).toMatchObject({ path: expect.any(String), message: expect.any(String), line: expect.any(Number), column: expect.any(Number) });
      }
    });

    it('reports a reference only where a name cannot be defined by the broken parts', () => {
      const text = 'roles: { a: [x] }\nstages: [{ list: 1 }, { list: B, owner: a, controller: bb, gate: { fields: [k] } }]';
      expect(pathsAndMessages(errorOf(text).problems)).toEqual([
        { path: 'stages[0].list', message: 'must be text, not 1' },
        { path: 'stages[0].owner', message: 'is required' },
        { path: 'stages[0].controller', message: 'is required' },
        { path: 'stages[1].controller', message: 'unknown role "bb"; known: "a"' },
        { path: 'stages[1].gate.fields[0]', message: 'unknown field "k"' },
      ]);
    });
  });
});
