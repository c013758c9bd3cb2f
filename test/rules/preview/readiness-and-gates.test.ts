import { readinessChanges, unmetGates } from '../../../rules/preview';
import { loadDefaultRules, STAGE } from '../default-rules';
import { emptyCard, readyCardFor } from '../station-builders';
import { boardCard, withoutBik } from './board-cards';
import { BIK_DRAFT, BIK_DRAFT_TEXT, draftOf, inEnglish } from './preview-drafts';

const active = loadDefaultRules();
const BIK_MISSING = 'не заполнено поле «БИК банка»';

const board = [
  // Contract signed and paid, no BIK: ready for «Подключение» today.
  boardCard('waiting', STAGE.contract, withoutBik(STAGE.connection)),
  boardCard('with-bik', STAGE.contract, readyCardFor(STAGE.connection)),
  // Already connected without a BIK; not yet live, so not ready for «Выдача доступов» either way.
  boardCard('connected', STAGE.connection, withoutBik(STAGE.connection)),
  // Live, no BIK: ready for «Выдача доступов», whose gate includes every earlier one.
  boardCard('live', STAGE.connection, withoutBik(STAGE.access)),
  boardCard('new', STAGE.request, emptyCard()),
  boardCard('elsewhere', 'Идеи на потом', emptyCard()),
];

describe('readiness for the next stage under a draft', () => {
  it('names the cards the draft blocks, with the missing field in the rules language', () => {
    expect(readinessChanges(active, BIK_DRAFT(), board)).toEqual([
      {
        cardId: 'waiting', cardName: 'Радио waiting', url: 'https://trello.com/c/waiting', stage: STAGE.contract,
        nextStage: STAGE.connection, change: 'newly-blocked', reasons: [BIK_MISSING],
      },
      {
        cardId: 'live', cardName: 'Радио live', url: 'https://trello.com/c/live', stage: STAGE.connection,
        nextStage: STAGE.access, change: 'newly-blocked', reasons: [BIK_MISSING],
      },
    ]);
  });

  it('names the cards a draft frees, with what blocked them under the active rules', () => {
    const changes = readinessChanges(BIK_DRAFT(), active, board);
    expect(changes.map((c) => [c.cardId, c.change, c.reasons])).toEqual([
      ['waiting', 'newly-ready', [BIK_MISSING]],
      ['live', 'newly-ready', [BIK_MISSING]],
    ]);
  });

  it('says nothing when the rules are the same', () => {
    expect(readinessChanges(active, active, board)).toEqual([]);
  });

  it("writes the reasons in the draft's language", () => {
    const english = draftOf(inEnglish(BIK_DRAFT_TEXT()));
    expect(readinessChanges(active, english, board)[0]!.reasons).toEqual(['field "Bank BIK" is empty']);
  });
});

describe('cards that would not meet the gate of the stage they are in', () => {
  it('lists the cards already past the stricter gate, and moves nothing', () => {
    expect(unmetGates(active, BIK_DRAFT(), board)).toEqual([
      { cardId: 'connected', cardName: 'Радио connected', url: 'https://trello.com/c/connected', stage: STAGE.connection, reasons: [BIK_MISSING] },
      { cardId: 'live', cardName: 'Радио live', url: 'https://trello.com/c/live', stage: STAGE.connection, reasons: [BIK_MISSING] },
    ]);
  });

  it('leaves out cards the active rules already find short: the draft is not what they lack', () => {
    const short = boardCard('short', STAGE.connection, emptyCard());
    expect(unmetGates(active, BIK_DRAFT(), [short])).toEqual([]);
  });
});
