import { evaluate } from '../../../rules';
import { loadDefaultRules, MEMBER, STAGE } from '../default-rules';
import { createCard, moveCard, readyCardFor, withUnticked } from '../station-builders';

// «Приостановлен (задолженность)» is a side stage: reached only from «Активный клиент» by the
// accountant or the director, and left only back to «Активный клиент» by the same roles.

const config = loadDefaultRules();
const active = readyCardFor(STAGE.active);

describe('suspending a client for debt', () => {
  it.each([MEMBER.accountant, MEMBER.director])('is allowed to the %s from «Активный клиент»', (mover) => {
    expect(evaluate(config, moveCard(STAGE.active, STAGE.suspended, mover), active)).toMatchObject({
      verdict: 'allow',
      stage: { list: STAGE.suspended },
      direction: 'forward',
    });
  });

  it.each([MEMBER.manager, MEMBER.engineer])('is refused to the %s', (mover) => {
    expect(evaluate(config, moveCard(STAGE.active, STAGE.suspended, mover), active)).toMatchObject({
      verdict: 'deny',
      failures: [
        {
          code: 'role_not_allowed',
          ru: 'переместить в «Приостановлен (задолженность)» может только бухгалтер (@accountant) или директор (@director)',
          en: 'only accountant (@accountant) or director (@director) may move cards into "Приостановлен (задолженность)"',
        },
      ],
    });
  });

  it('is refused from any other stage, even to the director', () => {
    expect(evaluate(config, moveCard(STAGE.connection, STAGE.suspended, MEMBER.director), readyCardFor(STAGE.connection))).toMatchObject({
      verdict: 'deny',
      failures: [
        {
          code: 'source_not_allowed',
          ru: 'в «Приостановлен (задолженность)» можно попасть только из «Активный клиент»',
          en: 'cards may enter "Приостановлен (задолженность)" only from "Активный клиент"',
          facts: { from: STAGE.connection },
        },
      ],
    });
  });

  it('is refused for a card created in the suspension list', () => {
    expect(evaluate(config, createCard(STAGE.suspended, MEMBER.director), active)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'source_not_allowed', facts: { from: null } }],
    });
  });

  it('does not add the suspension gate to the stages in the order', () => {
    expect(evaluate(config, moveCard(STAGE.accounting, STAGE.active, MEMBER.manager), active).verdict).toBe('allow');
  });
});

describe('resuming a client after payment', () => {
  it.each([MEMBER.accountant, MEMBER.director])('is allowed to the %s, back to «Активный клиент»', (mover) => {
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.active, mover), active)).toMatchObject({
      verdict: 'allow',
      stage: { list: STAGE.active },
      direction: 'forward',
    });
  });

  it('does not need the director role of «Подключение» on the way back', () => {
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.active, MEMBER.accountant), active).verdict).toBe('allow');
  });

  it.each([MEMBER.manager, MEMBER.engineer])('is refused to the %s', (mover) => {
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.active, mover), active)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'role_not_allowed', en: 'only accountant (@accountant) or director (@director) may move cards out of "Приостановлен (задолженность)"' }],
    });
  });

  it("names the people who may take it out by full name when the caller gives the board's people", () => {
    const names: Record<string, string> = { accountant: 'Анна Бухгалтерова', director: 'Ирина Директорова' };
    const people = (username: string) => ({ username, fullName: names[username] ?? null });
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.active, MEMBER.manager), active, people)).toMatchObject({
      verdict: 'deny',
      failures: [
        {
          code: 'role_not_allowed',
          ru: 'переместить из «Приостановлен (задолженность)» может только бухгалтер (Анна Бухгалтерова, @accountant) или директор (Ирина Директорова, @director)',
          en: 'only accountant (Анна Бухгалтерова, @accountant) or director (Ирина Директорова, @director) may move cards out of "Приостановлен (задолженность)"',
        },
      ],
    });
  });

  it('is refused to any other stage', () => {
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.connection, MEMBER.director), active)).toMatchObject({
      verdict: 'deny',
      failures: [
        {
          code: 'exit_not_allowed',
          ru: 'из «Приостановлен (задолженность)» можно переместить только в «Активный клиент»',
          en: 'cards may leave "Приостановлен (задолженность)" only for "Активный клиент"',
        },
      ],
    });
  });

  it('still checks the data gates: a client whose registration was undone meanwhile stays suspended', () => {
    const card = withUnticked(active, 'Регистрация клиента', 'Биллинг');
    expect(evaluate(config, moveCard(STAGE.suspended, STAGE.active, MEMBER.accountant), card)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'checklist_incomplete', stage: STAGE.active }],
    });
  });

  it('ignores a move out of the process, where no exit rule reaches', () => {
    expect(evaluate(config, moveCard(STAGE.suspended, 'Архив', MEMBER.engineer), active)).toEqual({ verdict: 'ignore', reason: 'not-in-process' });
  });
});
