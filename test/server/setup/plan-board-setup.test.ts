import { readFileSync } from 'node:fs';
import { parseRules } from '../../../rules';
import { changeCount, needsPerson, planBoardSetup, type BoardFacts, type BoardSetupPlan } from '../../../server/setup/plan-board-setup';
import { setupReport } from '../../../server/setup/setup-report';
import type { TrelloListPlace, TrelloWebhook } from '../../../server/trello/schema';

const rulesText = readFileSync('rules/radio-onboarding.yaml', 'utf8');
const rules = parseRules(rulesText, 'yaml');
const BOARD = 'b0000000000000000000000b';
const POWERUP = 'p0000000000000000000000p';
const CALLBACK = 'https://gatekeeper.example/webhooks/trello';
const target = { callbackURL: CALLBACK, powerUpId: POWERUP };

const STAGES = [
  'Новая заявка', 'Сбор данных', 'Техническая экспертиза', 'Договор и оплата', 'Подключение',
  'Выдача доступов', 'Регистрация в учёте', 'Активный клиент', 'Приостановлен (задолженность)',
];
const ROLE_MEMBERS = ['director', 'manager', 'engineer', 'accountant'];

let nextId = 0;
const list = (name: string, pos: number, closed = false): TrelloListPlace => ({ id: `list${++nextId}`, name, pos, closed });
const boardLists = (names: string[]) => names.map((name, n) => list(name, (n + 1) * 16384));
const member = (username: string) => ({ id: `m-${username}`, username, fullName: username });
const activeHook: TrelloWebhook = { id: 'hook1', description: '', idModel: BOARD, callbackURL: CALLBACK, active: true, consecutiveFailures: 0 };
const stationCard = { id: 'card1', pluginData: [{ id: 'pd1', idPlugin: POWERUP, scope: 'card', idModel: 'card1', value: '{}', access: 'shared' }] };

function facts(overrides: Partial<BoardFacts> = {}): BoardFacts {
  return {
    boardId: BOARD,
    lists: boardLists(STAGES),
    members: [...ROLE_MEMBERS, 'gatekeeper'].map(member),
    webhooks: [activeHook],
    cards: [stationCard],
    ...overrides,
  };
}

/** What Trello looks like after the plan was applied: the lists where they were planned, the webhook on. */
function afterApplying(before: BoardFacts, plan: BoardSetupPlan): BoardFacts {
  const lists = [...before.lists, ...plan.createLists.map((l) => list(l.name, l.pos))];
  const others = before.webhooks.filter((w) => !(w.idModel === BOARD && w.callbackURL === CALLBACK));
  return { ...before, lists, webhooks: [...others, activeHook] };
}

/** The open lists' names in board order. */
const boardOrder = (f: BoardFacts) => f.lists.filter((l) => !l.closed).sort((a, b) => a.pos - b.pos).map((l) => l.name);

describe('planBoardSetup', () => {
  it('has nothing to do on a board that is set up', () => {
    const plan = planBoardSetup(rules, facts(), target);

    expect(plan).toMatchObject({
      createLists: [], webhook: { action: 'keep', id: 'hook1' }, archivedStageLists: [], missingMembers: [], unknownLists: [],
      duplicateLists: [], stageLists: 9, roleMembers: 4, powerUp: { cards: 1, cardsWithData: 1 },
    });
    expect(changeCount(plan)).toBe(0);
    expect(needsPerson(plan)).toBe(false);
    expect(setupReport(plan, null, CALLBACK)).toMatch(/result: nothing to do\n$/);
  });

  it('creates the missing lists in process order, each right after the stage before it', () => {
    const before = facts({ lists: boardLists(STAGES.filter((name) => name !== 'Сбор данных' && name !== 'Подключение')) });
    const plan = planBoardSetup(rules, before, target);

    expect(plan.createLists).toEqual([
      { name: 'Сбор данных', pos: 16384 * 1.5, after: 'Новая заявка', side: false },
      { name: 'Подключение', pos: 16384 * 3.5, after: 'Договор и оплата', side: false },
    ]);
    expect(boardOrder(afterApplying(before, plan))).toEqual(STAGES);
  });

  it('puts consecutive missing stages in order between their neighbours, and the side stage after the main path', () => {
    const before = facts({ lists: boardLists(['Новая заявка', 'Договор и оплата', 'Активный клиент']) });
    const plan = planBoardSetup(rules, before, target);

    expect(plan.createLists.map((l) => [l.name, l.after])).toEqual([
      ['Сбор данных', 'Новая заявка'],
      ['Техническая экспертиза', 'Сбор данных'],
      ['Подключение', 'Договор и оплата'],
      ['Выдача доступов', 'Подключение'],
      ['Регистрация в учёте', 'Выдача доступов'],
      ['Приостановлен (задолженность)', 'Активный клиент'],
    ]);
    expect(plan.createLists.at(-1)?.side).toBe(true);
    expect(plan.createLists.every((l) => l.pos > 0)).toBe(true);
    expect(boardOrder(afterApplying(before, plan))).toEqual(STAGES);
  });

  it('puts a missing first stage before the first stage on the board, and fills an empty board after its other lists', () => {
    const lacksFirst = facts({ lists: boardLists(['Входящие', ...STAGES.slice(1)]) });
    const first = planBoardSetup(rules, lacksFirst, target);
    expect(first.createLists).toEqual([{ name: 'Новая заявка', pos: 16384 * 1.5, after: 'Входящие', side: false }]);

    const empty = facts({ lists: boardLists(['Входящие']) });
    const all = planBoardSetup(rules, empty, target);
    expect(all.createLists.map((l) => l.name)).toEqual(STAGES);
    expect(all.createLists.map((l) => l.pos)).toEqual(STAGES.map((_, n) => 16384 * (n + 2)));
    expect(boardOrder(afterApplying(empty, all))).toEqual(['Входящие', ...STAGES]);
  });

  it('matches list names as the rules do (case, spaces, ё) and never plans a rename', () => {
    const spelled = STAGES.map((name) => (name === 'Регистрация в учёте' ? '  регистрация  в учете ' : name));
    const plan = planBoardSetup(rules, facts({ lists: boardLists(spelled) }), target);

    expect(plan.createLists).toEqual([]);
    expect(plan.unknownLists).toEqual([]);
  });

  it('reports open lists the rules do not name, in board order, and leaves them', () => {
    const lists = boardLists(['Входящие', ...STAGES, 'Архив 2023']);
    const plan = planBoardSetup(rules, facts({ lists }), target);

    expect(plan.unknownLists).toEqual(['Входящие', 'Архив 2023']);
    expect(changeCount(plan)).toBe(0);
    expect(needsPerson(plan)).toBe(false);
    expect(setupReport(plan, null, CALLBACK)).toContain('note: not in the rules: «Входящие», «Архив 2023» (left as they are)');
  });

  it('reports an archived stage list for a person to restore instead of creating a second one', () => {
    const lists = [...boardLists(STAGES.filter((name) => name !== 'Подключение')), list('Подключение', 999, true), list('Старый', 5, true)];
    const plan = planBoardSetup(rules, facts({ lists }), target);

    expect(plan.archivedStageLists).toEqual(['Подключение']);
    expect(plan.createLists).toEqual([]);
    // An archived list the rules do not name is no one's business.
    expect(plan.unknownLists).toEqual([]);
    expect(needsPerson(plan)).toBe(true);
    expect(setupReport(plan, null, CALLBACK)).toMatch(/NEEDS A PERSON: «Подключение» is archived — restore it/);
  });

  it('ignores an archived copy of a stage list that is also open', () => {
    const lists = [...boardLists(STAGES), list('Сбор данных', 1, true)];
    expect(planBoardSetup(rules, facts({ lists }), target).archivedStageLists).toEqual([]);
  });

  it('warns of a stage list open twice', () => {
    const lists = [...boardLists(STAGES), list('Сбор данных', 999_999)];
    const plan = planBoardSetup(rules, facts({ lists }), target);
    expect(plan.duplicateLists).toEqual(['Сбор данных']);
    expect(setupReport(plan, null, CALLBACK)).toContain('warning: «Сбор данных» is open on the board more than once');
  });

  it('reports every role username that is not a board member, with all its roles, as needing a person', () => {
    const text = rulesText
      .replace('members: [director] }', 'members: [director, "@Auditor"] }')
      .replace('members: [accountant] }', 'members: [accountant, auditor] }');
    const withAuditor = parseRules(text, 'yaml');
    const plan = planBoardSetup(withAuditor, facts({ members: ['director', 'Manager', 'engineer', 'gatekeeper'].map(member) }), target);

    expect(plan.missingMembers).toEqual([
      { username: 'Auditor', roles: ['director', 'accountant'] },
      { username: 'accountant', roles: ['accountant'] },
    ]);
    expect(needsPerson(plan)).toBe(true);
    expect(changeCount(plan)).toBe(0);
    const report = setupReport(plan, null, CALLBACK);
    expect(report).toContain('NEEDS A PERSON: @Auditor (director, accountant) is not a member of the board');
    expect(report).toMatch(/NEEDS A PERSON: 2 members to invite \(see above\)/);
    // The rules editor shows it in the admin's language.
    const russian = setupReport(plan, null, CALLBACK, { language: 'ru', hint: 'editor' });
    expect(russian).toContain('НУЖЕН ЧЕЛОВЕК: @Auditor (director, accountant) не участник доски — пригласите (Поделиться) или измените роль в правилах');
    expect(russian).toMatch(/НУЖЕН ЧЕЛОВЕК: пригласить участников: 2 \(см\. выше\); пока это не сделано, доска настроена не до конца\n$/);
  });

  it('registers a missing webhook and turns a disabled one back on; another board or URL does not count', () => {
    const elsewhere = [{ ...activeHook, id: 'h2', idModel: 'another' }, { ...activeHook, id: 'h3', callbackURL: 'https://old.example/webhooks/trello' }];
    expect(planBoardSetup(rules, facts({ webhooks: elsewhere }), target).webhook).toEqual({ action: 'create' });

    const disabled = { ...activeHook, active: false, consecutiveFailures: 1000 };
    const plan = planBoardSetup(rules, facts({ webhooks: [disabled] }), target);
    expect(plan.webhook).toEqual({ action: 'enable', id: 'hook1', consecutiveFailures: 1000 });
    expect(changeCount(plan)).toBe(1);
    expect(setupReport(plan, null, CALLBACK)).toContain('would turn webhook hook1 back on (Trello disabled it after 1000 failed deliveries)');
  });

  it('warns, without failing, when no card carries data of this Power-Up', () => {
    const foreign = { id: 'c2', pluginData: [{ ...stationCard.pluginData[0]!, idPlugin: 'someone-else' }] };
    const plan = planBoardSetup(rules, facts({ cards: [foreign, { id: 'c3', pluginData: [] }] }), target);

    expect(plan.powerUp).toEqual({ powerUpId: POWERUP, cards: 2, cardsWithData: 0 });
    expect(needsPerson(plan)).toBe(false);
    expect(setupReport(plan, null, CALLBACK)).toContain(
      `warning: no card has station data from POWERUP_ID (${POWERUP}) yet — is the Power-Up enabled on the board?`,
    );
  });

  it('is empty once applied: planning again finds nothing to do', () => {
    const before = facts({ lists: boardLists(['Входящие', 'Договор и оплата', 'Сбор данных']), webhooks: [], cards: [] });
    const plan = planBoardSetup(rules, before, target);
    expect(changeCount(plan)).toBe(8);
    expect(setupReport(plan, null, CALLBACK)).toMatch(/result: 8 changes to make — run again with --apply to make them\n$/);
    expect(setupReport(plan, null, CALLBACK, { language: 'en', hint: 'editor' })).toMatch(/result: 8 changes to make — press «Apply» to make them\n$/);
    const russian = setupReport(plan, null, CALLBACK, { language: 'ru', hint: 'editor' });
    expect(russian.split('\n').slice(0, 3)).toEqual([`доска ${plan.boardId}: план настройки (ничего не изменено)`, 'списки:', '  будет создан список «Новая заявка» после «Договор и оплата» (pos 40960)']);
    expect(russian).toMatch(/итог: изменений к выполнению: 8 — нажмите «Применить»\n$/);

    const again = planBoardSetup(rules, afterApplying(before, plan), target);
    expect(again.createLists).toEqual([]);
    expect(again.webhook.action).toBe('keep');
    expect(changeCount(again)).toBe(0);
  });
});
