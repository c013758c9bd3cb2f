import { evaluate } from '../../../rules';
import { loadDefaultRules, MEMBER, STAGE } from '../default-rules';
import { createCard, emptyCard, moveCard, readyCardFor, withStation } from '../station-builders';

const config = loadDefaultRules();

describe('when a card is dragged past a stage', () => {
  it('checks the gates of the stages it skipped: a card without a contract cannot jump to «Выдача доступов»', () => {
    const card = withStation(readyCardFor(STAGE.access), { 'contract.signed': undefined });
    const decision = evaluate(config, moveCard(STAGE.contract, STAGE.access, MEMBER.director), card);
    expect(decision).toMatchObject({
      verdict: 'deny',
      stage: { list: STAGE.access },
      failures: [{ code: 'field_not_true', stage: STAGE.connection, en: 'field "Contract signed" is not checked' }],
    });
  });

  it("needs the skipped stage's mover role: the engineer cannot drag from «Договор и оплата» to «Выдача доступов»", () => {
    const decision = evaluate(config, moveCard(STAGE.contract, STAGE.access, MEMBER.engineer), readyCardFor(STAGE.access));
    expect(decision).toMatchObject({ verdict: 'deny', failures: [{ code: 'role_not_allowed', stage: STAGE.connection }] });
  });

  it('lets the director drag a card that is ready for every skipped stage', () => {
    const decision = evaluate(config, moveCard(STAGE.request, STAGE.active, MEMBER.director), readyCardFor(STAGE.active));
    expect(decision).toMatchObject({ verdict: 'allow', stage: { list: STAGE.active }, direction: 'forward' });
  });

  it('lists every missing thing of every skipped gate, each once, under the earliest stage', () => {
    const decision = evaluate(config, moveCard(STAGE.request, STAGE.connection, MEMBER.manager), emptyCard());
    expect(decision.verdict === 'deny' && decision.failures.map((f) => [f.code, f.stage])).toEqual([
      ['role_not_allowed', STAGE.connection],
      ['field_missing', STAGE.data],
      ['field_missing', STAGE.data],
      ['field_missing', STAGE.techReview],
      ['field_missing', STAGE.contract],
      ['field_missing', STAGE.contract],
      ['field_missing', STAGE.contract],
      ['field_not_true', STAGE.contract],
      ['field_missing', STAGE.connection],
      ['field_missing', STAGE.connection],
      ['field_not_true', STAGE.connection],
      ['field_not_true', STAGE.connection],
    ]);
  });
});

describe('when a card moves one stage forward', () => {
  it('rechecks the earlier gates too: an INN broken since is caught on the way into «Подключение»', () => {
    const card = withStation(readyCardFor(STAGE.connection), { 'org.inn': '7707083894' });
    expect(evaluate(config, moveCard(STAGE.contract, STAGE.connection, MEMBER.director), card)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'field_invalid', stage: STAGE.contract }],
    });
  });
});

describe('when a card moves back to an earlier stage', () => {
  it('allows it without any check', () => {
    const decision = evaluate(config, moveCard(STAGE.active, STAGE.data, MEMBER.engineer), emptyCard());
    expect(decision).toMatchObject({ verdict: 'allow', stage: { list: STAGE.data }, direction: 'backward' });
  });

  it('refuses it when the process forbids going back', () => {
    const strict = { ...config, allowBackward: false };
    expect(evaluate(strict, moveCard(STAGE.connection, STAGE.contract, MEMBER.director), emptyCard())).toMatchObject({
      verdict: 'deny',
      stage: { list: STAGE.contract },
      failures: [{ code: 'backward_forbidden', stage: STAGE.connection }],
    });
  });
});

describe('when a list is not part of the process', () => {
  it('ignores a move into it', () => {
    expect(evaluate(config, moveCard(STAGE.connection, 'Архив', MEMBER.manager), emptyCard())).toEqual({ verdict: 'ignore', reason: 'not-in-process' });
  });

  it('judges a move out of it into a gated stage like a card created there', () => {
    const decision = evaluate(config, moveCard('Архив', STAGE.connection, MEMBER.manager), emptyCard());
    expect(decision).toMatchObject({ verdict: 'deny', stage: { list: STAGE.connection } });
    expect(decision.verdict === 'deny' && decision.failures).toHaveLength(12);
  });

  it('lets a ready card in from it, as entering the process', () => {
    expect(evaluate(config, moveCard('Входящие', STAGE.contract, MEMBER.manager), readyCardFor(STAGE.contract))).toMatchObject({
      verdict: 'allow',
      direction: 'create',
    });
  });
});

describe('when a card stays in its list', () => {
  it('ignores the move', () => {
    expect(evaluate(config, moveCard(STAGE.data, STAGE.data, MEMBER.manager), emptyCard())).toEqual({ verdict: 'ignore', reason: 'same-list' });
  });
});

describe('when a card is created right in a list', () => {
  it('allows it in the first stage', () => {
    expect(evaluate(config, createCard(STAGE.request, MEMBER.manager), emptyCard())).toMatchObject({
      verdict: 'allow',
      stage: { list: STAGE.request },
      direction: 'create',
    });
  });

  it('judges it in a gated stage as if it had passed every stage up to it', () => {
    const decision = evaluate(config, createCard(STAGE.techReview, MEMBER.manager), emptyCard());
    expect(decision.verdict === 'deny' && decision.failures.map((f) => f.stage)).toEqual([STAGE.data, STAGE.data, STAGE.techReview]);
  });

  it('needs the roles of every stage up to it', () => {
    const decision = evaluate(config, createCard(STAGE.access, MEMBER.engineer), readyCardFor(STAGE.access));
    expect(decision).toMatchObject({ verdict: 'deny', failures: [{ code: 'role_not_allowed', stage: STAGE.connection }] });
  });

  it('ignores a card created in a list outside the process', () => {
    expect(evaluate(config, createCard('Идеи', MEMBER.manager), emptyCard())).toEqual({ verdict: 'ignore', reason: 'not-in-process' });
  });
});
