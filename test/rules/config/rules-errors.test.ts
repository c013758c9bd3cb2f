import { readFileSync } from 'node:fs';
import { describeProblem, parseRules, RulesError, type RulesProblem } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';
import { pathsAndMessages } from '../paths-and-messages';

const DEFAULT_TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');

/** The default file with one fragment replaced (the fragment must be there, so a test cannot rot). */
function edited(from: string, to: string): string {
  if (!DEFAULT_TEXT.includes(from)) throw new Error(`the default rules no longer contain ${JSON.stringify(from)}`);
  return DEFAULT_TEXT.replace(from, to);
}

function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml'): { code: string; problems: RulesProblem[] } {
  try {
    parseRules(text, format);
  } catch (err) {
    if (err instanceof RulesError) return { code: err.code, problems: pathsAndMessages(err.problems) };
    throw err;
  }
  throw new Error('the rules were accepted');
}

describe('parseRules on a broken file', () => {
  describe('when a gate names a field that does not exist', () => {
    it('gives the path of the gate entry and suggests the field meant', () => {
      const { code, problems } = problemsOf(edited('fields: [contract.number, contract.date]', 'fields: [contract.date, contract.numbr]'));
      expect(code).toBe('rules_invalid');
      expect(problems).toEqual([
        { path: 'stages[4].gate.fields[1]', message: 'unknown field "contract.numbr" (did you mean "contract.number"?)' },
      ]);
    });
  });

  describe('when a stage names an unknown role', () => {
    it('points at the owner and suggests the role', () => {
      const { problems } = problemsOf(edited('movers: [director]', 'movers: [directr]'));
      expect(problems).toEqual([{ path: 'stages[4].gate.movers[0]', message: 'unknown role "directr" (did you mean "director"?)' }]);
    });

    it('lists the known roles when nothing is close', () => {
      const { problems } = problemsOf(edited('  - list: Новая заявка\n    owner: manager', '  - list: Новая заявка\n    owner: janitor'));
      expect(problems).toEqual([
        { path: 'stages[0].owner', message: 'unknown role "janitor"; known: "director", "manager", "engineer", "accountant"' },
      ]);
    });
  });

  describe('when a key is misspelt', () => {
    it('refuses the unknown key and suggests the right one', () => {
      const { problems } = problemsOf(edited('    limitWorkingDays: 5\n    gate:', '    limitWorkingDays: 5\n    gaet:'));
      expect(problems).toEqual([{ path: 'stages[1].gaet', message: 'unknown key "gaet" (did you mean "gate"?)' }]);
    });

    it('refuses a misspelt condition inside a requirement', () => {
      const { problems } = problemsOf(edited('anyOf: [contact.phone', 'anyOff: [contact.phone'));
      expect(problems).toEqual([
        { path: 'stages[1].gate.fields[1].anyOf', message: 'is required' },
        { path: 'stages[1].gate.fields[1].anyOff', message: 'unknown key "anyOff" (did you mean "anyOf"?)' },
      ]);
    });

    it('refuses an unknown field type and lists the types', () => {
      const { problems } = problemsOf(edited('type: inn', 'type: innn'));
      expect(problems).toEqual([
        {
          path: 'fields[9].type',
          message:
            'unknown type "innn" (did you mean "inn"?); one of text, multiline, number, boolean, date, enum, multi-enum, email, phone, url, inn, kpp, ogrn, bik, account, repeatable',
        },
      ]);
    });
  });

  describe('when the YAML itself is broken', () => {
    it('reports the syntax error with its line and column', () => {
      const { code, problems } = problemsOf('roles:\n  director: [director\nstages: []\n');
      expect(code).toBe('rules_syntax');
      expect(problems[0]).toEqual({
        path: 'line 3, column 1',
        message: expect.stringMatching(/^YAML: Flow sequence in block collection must be sufficiently indented/),
      });
    });

    it('refuses a key given twice', () => {
      const { problems } = problemsOf('roles:\n  a: [x]\nroles:\n  b: [y]\n');
      expect(problems).toEqual([{ path: 'line 3, column 1', message: 'YAML: Map keys must be unique' }]);
    });
  });

  describe('when the JSON itself is broken', () => {
    it('reports where, as a line and column', () => {
      const { code, problems } = problemsOf('{\n  "roles": {},\n  "stages": [}\n}', 'json');
      expect(code).toBe('rules_syntax');
      expect(problems).toEqual([{ path: 'line 3, column 14', message: expect.stringMatching(/^JSON: /) }]);
    });
  });

  describe('when there are several problems', () => {
    it('lists every one of them, not just the first', () => {
      const text = edited('checklists: [Запуск]', 'checklists: [Запск]')
        .replace('from: [Активный клиент]', 'from: [Активные клиенты]')
        .replace('bikField: org.bik', 'bikField: org.inn');
      expect(problemsOf(text).problems).toEqual([
        { path: 'fields[14].bikField', message: 'field "org.inn" is of type inn; an account is checked against a bik field' },
        { path: 'stages[6].gate.checklists[0]', message: 'unknown checklist "Запск" (did you mean "Запуск"?)' },
        { path: 'stages[8].gate.from[0]', message: 'unknown stage "Активные клиенты" (did you mean "Активный клиент"?)' },
      ]);
    });

    it('says them all in the error message, one per line, each with its line, column and stage', () => {
      const line = DEFAULT_TEXT.slice(0, DEFAULT_TEXT.indexOf('owner: manager')).split('\n').length;
      expect(() => parseRules(edited('owner: manager', 'owner: 42'), 'yaml')).toThrow(
        `[rules] 1 problem in the rules:\n  line ${line}, column 5: stages[0] («Новая заявка»).owner: must be text, not 42`,
      );
    });
  });

  describe('when cross-references do not fit', () => {
    it.each([
      ['checked: [tech.approved]', 'checked: [tech.note]', 'stages[3].gate.checked[0]', 'field "tech.note" is of type multiline; "checked" asks for a boolean field to be true'],
      ['itemFields: [codec, bitrate', 'itemFields: [codc, bitrate', 'stages[2].gate.fields[0].itemFields[0]', 'unknown sub-field "codc" of "streams" (did you mean "codec"?)'],
      ['key: streams\n          minItems', 'key: org.inn\n          minItems', 'stages[2].gate.fields[0].key', 'field "org.inn" is not repeatable; minItems and itemFields count the items of a repeatable field'],
      ['  - list: Регистрация в учёте', '  - list: Выдача  доступов', 'stages[6].list', 'duplicate stage list "Выдача  доступов" (first at stages[5].list)'],
      ['    side: true\n', '', 'stages[8].exit', 'only a side stage (side: true) has an exit; other stages are left by the order'],
      ['      to: [Активный клиент]', '      to: [Приостановлен (задолженность)]', 'stages[8].exit.to[0]', 'a stage cannot name itself ("Приостановлен (задолженность)")'],
      ['    checklist: Запуск', '    checklist: Старт', 'stages[5].checklist', 'unknown checklist "Старт"; known: "Запуск", "Регистрация клиента"'],
      ['group: tech\n', 'group: teh\n', 'fields[15].group', 'unknown group "teh" (did you mean "tech"?)'],
      ['    min: 8\n        max: 640', '    min: 640\n        max: 8', 'fields[7].fields[2].max', 'max (8) is less than min (640)'],
      ['  - Список клиентов', '  - Биллинг', 'checklists[1].items[4]', 'duplicate checklist item "Биллинг" (first at checklists[1].items[0])'],
      ['limitWorkingDays: 3', 'limitWorkingDays: 2.5', 'stages[2].limitWorkingDays', 'must be a whole number, not 2.5'],
      ['members: [manager]', 'members: []', 'roles.manager.members', 'needs at least 1 item'],
      ['members: [manager]', 'members: [manager], lead: true', 'roles.manager.lead', 'unknown key "lead"'],
      ['label: { ru: Город, en: City }', 'label: { ru: Город }', 'fields[1].label.en', 'is required'],
    ])('refuses %p → %p at %s', (from, to, path, message) => {
      expect(problemsOf(edited(from, to)).problems).toEqual([{ path, message }]);
    });

    it('refuses a process that starts with a side stage', () => {
      const json = JSON.stringify({ roles: { a: ['x'] }, stages: [{ list: 'Пауза', owner: 'a', controller: 'a', side: true }] });
      expect(problemsOf(json, 'json').problems).toEqual([
        { path: 'stages[0].side', message: 'the first stage is where cards enter the process; it cannot be a side stage' },
      ]);
    });
  });

  describe('when the file is empty or not a mapping', () => {
    it.each([
      ['', 'must be a mapping of keys to values, not empty'],
      ['- a\n- b\n', 'must be a mapping of keys to values, not a list'],
    ])('refuses %p', (text, message) => {
      expect(problemsOf(text).problems).toEqual([{ path: '(top level)', message }]);
    });
  });

  it('gives RulesError a name and a stable code', () => {
    const error = (() => {
      try {
        parseRules('', 'yaml');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(RulesError);
    expect(error).toMatchObject({ name: 'RulesError', code: 'rules_invalid' });
  });
});

describe('how a problem reads', () => {
  it('names the stage by its list, the line where known, and no place for a syntax error or the whole file', () => {
    expect(describeProblem({ path: 'stages[4].owner', where: 'stages[4] («Подключение»).owner', message: 'is required', line: 12, column: 5 })).toBe(
      'line 12, column 5: stages[4] («Подключение»).owner: is required',
    );
    expect(describeProblem({ path: 'line 3, column 1', message: 'bad indentation', line: 3, column: 1 })).toBe('line 3, column 1: bad indentation');
    expect(describeProblem({ path: '', message: 'the rules must be a mapping' })).toBe('the rules must be a mapping');
  });
});
