import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { editText, parseForForm, type FormEdit } from '../../../powerup/rules-editor/rules-form-model';
import { DEFAULT_DEMO_LISTS } from '../../simulator/seed-demo-board';

// The default rules, comments and all: every edit is checked against the whole resulting text, so
// a line the form did not mean to touch (a comment, a key's place, a list's spacing) fails it.
const RULES = readFileSync(resolve(__dirname, '../../../rules/radio-onboarding.yaml'), 'utf8');

/** `text` with `from` (which must occur exactly once) replaced: what the edit should produce. */
function replacedOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`[test] ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const edited = (edit: FormEdit) => editText(RULES, edit);

// Stage indexes in rules/radio-onboarding.yaml.
const NEW = 0; // «Новая заявка»: no gate, no escalation
const DATA = 1; // «Сбор данных»: a block list of fields with an `anyOf`
const REVIEW = 2; // «Техническая экспертиза»: only a compound field requirement
const CONTRACT = 3; // «Договор и оплата»: flow lists `checked` and `fields`, a comment after it
const CONNECT = 4; // «Подключение»: an escalation with a comment
const ACCESS = 5; // «Выдача доступов»: a gate of one checked field
const LEDGER = 6; // «Регистрация в учёте»: a gate of one checklist
const ACTIVE = 7; // «Активный клиент»: no limit

describe('the form’s view of the rules', () => {
  const parsed = parseForForm(RULES);
  if (!parsed.ok) throw new Error(parsed.error);
  const { model } = parsed;

  it('reads each role with its label and members', () => {
    expect(model.roles).toEqual([
      { key: 'director', label: { ru: 'директор', en: 'director' }, members: ['director'] },
      { key: 'manager', label: { ru: 'менеджер', en: 'manager' }, members: ['manager'] },
      { key: 'engineer', label: { ru: 'инженер', en: 'engineer' }, members: ['engineer'] },
      { key: 'accountant', label: { ru: 'бухгалтер', en: 'accountant' }, members: ['accountant'] },
    ]);
  });

  it('reads each stage’s values, and shows compound gate requirements without a key to remove', () => {
    // The default process's nine stages, in the file's order (the demo board's lists).
    expect(model.stages.map((s) => s.list)).toEqual(DEFAULT_DEMO_LISTS);
    expect(model.stages[CONNECT]).toEqual({
      index: CONNECT,
      list: 'Подключение',
      owner: 'engineer',
      controller: 'director',
      limitWorkingDays: 2,
      escalateAfterWorkingDays: 1,
      inHours: false,
      gate: {
        fields: [
          { text: 'contract.number', key: 'contract.number' },
          { text: 'contract.date', key: 'contract.date' },
        ],
        checked: [
          { text: 'contract.signed', key: 'contract.signed' },
          { text: 'payment.received', key: 'payment.received' },
        ],
        checklists: [],
      },
    });
    expect(model.stages[DATA]!.gate.fields).toEqual([
      { text: 'station.name', key: 'station.name' },
      { text: 'anyOf: contact.phone, contact.email', key: null },
    ]);
    expect(model.stages[REVIEW]!.gate.fields).toEqual([{ text: 'key: streams; minItems: 1; itemFields: codec, bitrate, sourceUrl', key: null }]);
    expect(model.stages[ACTIVE]).toMatchObject({ limitWorkingDays: null, escalateAfterWorkingDays: null, gate: { checklists: [{ text: 'Регистрация клиента', key: 'Регистрация клиента' }] } });
  });

  it('says why a text it cannot read has no form', () => {
    expect(parseForForm('stages: [a\n')).toMatchObject({ ok: false });
    expect(parseForForm('- a\n- b\n')).toEqual({ ok: false, error: 'not a mapping' });
  });
});

describe('a role’s members', () => {
  it('rewrites only the role’s line, its flow map keeping the spaces inside its braces', () => {
    expect(edited({ kind: 'role-members', role: 'manager', members: ['manager', 'engineer'] })).toBe(
      replacedOnce(
        RULES,
        '  manager: { label: { ru: менеджер, en: manager }, members: [manager] }',
        '  manager: { label: { ru: менеджер, en: manager }, members: [manager, engineer] }',
      ),
    );
  });

  it('takes a member away', () => {
    const two = edited({ kind: 'role-members', role: 'director', members: ['director', 'accountant'] })!;
    expect(editText(two, { kind: 'role-members', role: 'director', members: ['accountant'] })).toBe(
      replacedOnce(RULES, 'members: [director] }', 'members: [accountant] }'),
    );
  });

  it('works on the short form `role: [members]`', () => {
    const short = 'roles:\n  director: [director]   # the boss\n  manager: [manager]\n';
    expect(editText(short, { kind: 'role-members', role: 'manager', members: ['manager', 'engineer'] })).toBe(
      'roles:\n  director: [director]   # the boss\n  manager: [manager, engineer]\n',
    );
  });

  it('leaves a role no one would hold, or one the rules lack, to the text', () => {
    expect(edited({ kind: 'role-members', role: 'director', members: [] })).toBeNull();
    expect(edited({ kind: 'role-members', role: 'nobody', members: ['director'] })).toBeNull();
  });
});

describe('a stage’s owner, controller, limit and escalation', () => {
  it('changes the owner on its line', () => {
    expect(edited({ kind: 'stage-value', stage: NEW, key: 'owner', value: 'engineer' })).toBe(
      replacedOnce(RULES, '  - list: Новая заявка\n    owner: manager\n', '  - list: Новая заявка\n    owner: engineer\n'),
    );
  });

  it('changes the controller on its line', () => {
    expect(edited({ kind: 'stage-value', stage: REVIEW, key: 'controller', value: 'engineer' })).toBe(
      replacedOnce(RULES, '    owner: engineer\n    controller: director\n    limitWorkingDays: 3\n', '    owner: engineer\n    controller: engineer\n    limitWorkingDays: 3\n'),
    );
  });

  it('changes a limit on its line', () => {
    expect(edited({ kind: 'stage-value', stage: CONNECT, key: 'limitWorkingDays', value: 3 })).toBe(
      replacedOnce(RULES, '    limitWorkingDays: 2\n    escalateAfterWorkingDays: 1    # a paid client', '    limitWorkingDays: 3\n    escalateAfterWorkingDays: 1    # a paid client'),
    );
  });

  it('adds a limit the stage lacked after its controller', () => {
    expect(edited({ kind: 'stage-value', stage: ACTIVE, key: 'limitWorkingDays', value: 4 })).toBe(
      replacedOnce(RULES, '  - list: Активный клиент\n    owner: manager\n    controller: director\n', '  - list: Активный клиент\n    owner: manager\n    controller: director\n    limitWorkingDays: 4\n'),
    );
  });

  it('removes a limit, and the blank line and comment after the stage stay', () => {
    expect(edited({ kind: 'stage-value', stage: ACTIVE + 1, key: 'limitWorkingDays', value: null })).toBe(
      replacedOnce(RULES, '    controller: accountant\n    limitWorkingDays: 10\n    side: true\n', '    controller: accountant\n    side: true\n'),
    );
  });

  it('adds an escalation after the limit, before the blank line between stages', () => {
    expect(edited({ kind: 'stage-value', stage: NEW, key: 'escalateAfterWorkingDays', value: 2 })).toBe(
      replacedOnce(RULES, '    limitWorkingDays: 1\n\n  - list: Сбор данных', '    limitWorkingDays: 1\n    escalateAfterWorkingDays: 2\n\n  - list: Сбор данных'),
    );
  });

  it('changes an escalation, its comment staying in its column', () => {
    expect(edited({ kind: 'stage-value', stage: LEDGER, key: 'escalateAfterWorkingDays', value: 2 })).toBe(
      replacedOnce(RULES, '    escalateAfterWorkingDays: 1    # billing and royalties wait on it', '    escalateAfterWorkingDays: 2    # billing and royalties wait on it'),
    );
    expect(edited({ kind: 'stage-value', stage: LEDGER, key: 'escalateAfterWorkingDays', value: 12 })).toBe(
      replacedOnce(RULES, '    escalateAfterWorkingDays: 1    # billing and royalties wait on it', '    escalateAfterWorkingDays: 12   # billing and royalties wait on it'),
    );
  });

  it('removes an escalation with its comment', () => {
    expect(edited({ kind: 'stage-value', stage: CONNECT, key: 'escalateAfterWorkingDays', value: null })).toBe(
      replacedOnce(RULES, '    escalateAfterWorkingDays: 1    # a paid client waiting to go on air: the director hears a day later\n', ''),
    );
    expect(edited({ kind: 'stage-value', stage: CONNECT, key: 'escalateAfterWorkingDays', value: '' })).toBe(edited({ kind: 'stage-value', stage: CONNECT, key: 'escalateAfterWorkingDays', value: null }));
  });

  it('answers null for a stage the text does not have', () => {
    expect(edited({ kind: 'stage-value', stage: 42, key: 'owner', value: 'manager' })).toBeNull();
  });
});

describe('a gate’s lists', () => {
  it('adds a field to a flow list on its line', () => {
    expect(edited({ kind: 'gate-add', stage: CONTRACT, list: 'fields', value: 'org.bik' })).toBe(
      replacedOnce(RULES, '      fields: [org.inn, org.kpp, org.ogrn]', '      fields: [org.inn, org.kpp, org.ogrn, org.bik]'),
    );
  });

  it('adds a field to a block list as a new item', () => {
    expect(edited({ kind: 'gate-add', stage: DATA, list: 'fields', value: 'org.bik' })).toBe(
      replacedOnce(RULES, '        - anyOf: [contact.phone, contact.email]\n', '        - anyOf: [contact.phone, contact.email]\n        - org.bik\n'),
    );
  });

  it('adds a list the gate lacked, as a flow list at the gate’s end', () => {
    expect(edited({ kind: 'gate-add', stage: ACCESS, list: 'checklists', value: 'Запуск' })).toBe(
      replacedOnce(RULES, '      checked: [broadcast.live]\n', '      checked: [broadcast.live]\n      checklists: [Запуск]\n'),
    );
  });

  it('adds a checked field to a stage without a gate: the gate goes after the stage’s own values', () => {
    expect(edited({ kind: 'gate-add', stage: NEW, list: 'checked', value: 'contract.signed' })).toBe(
      replacedOnce(RULES, '    limitWorkingDays: 1\n\n  - list: Сбор данных', '    limitWorkingDays: 1\n    gate:\n      checked: [contract.signed]\n\n  - list: Сбор данных'),
    );
  });

  it('adds nothing twice', () => {
    expect(edited({ kind: 'gate-add', stage: CONNECT, list: 'checked', value: 'contract.signed' })).toBe(RULES);
  });

  it('removes a field from a flow list on its line', () => {
    expect(edited({ kind: 'gate-remove', stage: CONTRACT, list: 'fields', value: 'org.kpp' })).toBe(
      replacedOnce(RULES, '      fields: [org.inn, org.kpp, org.ogrn]', '      fields: [org.inn, org.ogrn]'),
    );
  });

  it('removes an item of a block list, leaving the compound one', () => {
    expect(edited({ kind: 'gate-remove', stage: DATA, list: 'fields', value: 'station.name' })).toBe(
      replacedOnce(RULES, '        - station.name\n', ''),
    );
  });

  it('removes a list left empty, and the comment after the stage stays', () => {
    expect(edited({ kind: 'gate-remove', stage: CONTRACT, list: 'checked', value: 'tech.approved' })).toBe(
      replacedOnce(RULES, '      checked: [tech.approved]\n', ''),
    );
  });

  it('removes a gate left empty, and the comment before the next stage stays', () => {
    expect(edited({ kind: 'gate-remove', stage: LEDGER, list: 'checklists', value: 'Запуск' })).toBe(
      replacedOnce(RULES, '    checklist: Регистрация клиента\n    gate:\n      checklists: [Запуск]\n', '    checklist: Регистрация клиента\n'),
    );
    expect(edited({ kind: 'gate-remove', stage: ACCESS, list: 'checked', value: 'broadcast.live' })).toBe(
      replacedOnce(RULES, '    checklist: Запуск\n    gate:\n      checked: [broadcast.live]\n', '    checklist: Запуск\n'),
    );
  });

  it('answers null for what is not there to remove: a compound requirement, a missing item, a stage without a gate', () => {
    expect(edited({ kind: 'gate-remove', stage: REVIEW, list: 'fields', value: 'streams' })).toBeNull();
    expect(edited({ kind: 'gate-remove', stage: CONTRACT, list: 'fields', value: 'org.bik' })).toBeNull();
    expect(edited({ kind: 'gate-remove', stage: NEW, list: 'fields', value: 'station.name' })).toBeNull();
  });

  it('answers null for a text with a syntax error', () => {
    expect(editText(`${RULES}\nstages: [\n`, { kind: 'gate-add', stage: NEW, list: 'fields', value: 'station.name' })).toBeNull();
  });
});

describe('the text around an edit', () => {
  it('keeps the draft’s own ending: no newline at the end stays none', () => {
    const bare = RULES.replace(/\n+$/, '');
    expect(editText(bare, { kind: 'stage-value', stage: NEW, key: 'owner', value: 'engineer' })).toBe(
      replacedOnce(bare, '  - list: Новая заявка\n    owner: manager\n', '  - list: Новая заявка\n    owner: engineer\n'),
    );
  });

  it('writes a new flow map padded and a flow list tight, as the rules files do, and leaves braces in quotes alone', () => {
    const text = "roles:\n  director: { members: [director], label: { ru: 'дир {x}', en: director } }\n";
    expect(editText(text, { kind: 'role-members', role: 'director', members: ['director', 'manager'] })).toBe(
      "roles:\n  director: { members: [director, manager], label: { ru: 'дир {x}', en: director } }\n",
    );
  });
});
