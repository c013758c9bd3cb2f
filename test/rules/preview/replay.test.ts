import { replayMoves, type JudgedMove, type ReplayCard } from '../../../rules/preview';
import { loadDefaultRules, STAGE } from '../default-rules';
import { readyCardFor, withStation } from '../station-builders';
import { withoutBik } from './board-cards';
import { BIK_DRAFT } from './preview-drafts';

const active = loadDefaultRules();
const BIK_MISSING = 'не заполнено поле «БИК банка»';

/** The director's accepted move of `cardId` from «Договор и оплата» into «Подключение». */
function connected(cardId: string, extra: Partial<JudgedMove> = {}): JudgedMove {
  return {
    actionId: `move-${cardId}`,
    at: '2026-11-20T10:00:01Z',
    movedAt: '2026-11-20T10:00:00Z',
    cardId,
    cardName: `Радио ${cardId}`,
    mover: 'director',
    from: { name: STAGE.contract },
    to: { name: STAGE.connection },
    verdict: 'accepted',
    failures: [],
    ...extra,
  };
}

/** The card now, with its history: in «Договор и оплата» since November, then the move itself. */
function cardNow(snapshot: ReplayCard['snapshot'], moveActionId: string): ReplayCard {
  return {
    snapshot,
    visits: [
      { stage: STAGE.contract, enteredAt: '2026-11-02T09:00:00Z', actionId: 'earlier' },
      { stage: STAGE.connection, enteredAt: '2026-11-20T10:00:00Z', actionId: moveActionId },
    ],
  };
}

describe('replaying judged moves under a draft', () => {
  it('lists a kept move the draft would send back, with the draft reasons, and counts every move replayed', () => {
    const cards: Record<string, ReplayCard> = {
      'no-bik': cardNow(withoutBik(STAGE.connection), 'move-no-bik'),
      'with-bik': cardNow(readyCardFor(STAGE.connection), 'move-with-bik'),
    };
    const result = replayMoves({
      active,
      draft: BIK_DRAFT(),
      moves: [connected('no-bik'), connected('with-bik'), connected('archived'), connected('no-bik', { actionId: 'ignored', verdict: 'ignored' })],
      cardOf: (id) => cards[id],
    });
    expect(result).toEqual({
      judged: 2,
      changes: [
        {
          actionId: 'move-no-bik', at: '2026-11-20T10:00:00Z', cardId: 'no-bik', cardName: 'Радио no-bik',
          from: STAGE.contract, to: STAGE.connection, mover: 'director', was: 'accepted', draft: 'reverted', reasons: [BIK_MISSING],
        },
      ],
    });
  });

  it('lists a refused move the draft would keep, with the reasons it was refused for', () => {
    const result = replayMoves({
      active: BIK_DRAFT(),
      draft: active,
      moves: [connected('no-bik', { verdict: 'reverted', failures: [{ ru: BIK_MISSING, en: 'field "Bank BIK" is empty' }] })],
      cardOf: () => cardNow(withoutBik(STAGE.connection), 'other'),
    });
    expect(result.changes.map((c) => [c.was, c.draft, c.reasons])).toEqual([['reverted', 'accepted', [BIK_MISSING]]]);
  });

  it("leaves out a verdict the card's changed data would change under the active rules too", () => {
    // Accepted then; the contract has since been marked unsigned, so today even the active rules refuse it.
    const unsigned = withStation(withoutBik(STAGE.connection), { 'contract.signed': false });
    const result = replayMoves({ active, draft: BIK_DRAFT(), moves: [connected('no-bik')], cardOf: () => cardNow(unsigned, 'move-no-bik') });
    expect(result).toEqual({ judged: 1, changes: [] });
  });

  it('judges a move by the same mover: a role the draft no longer allows sends it back', () => {
    const draft = { ...active, stages: active.stages.map((s) => (s.list === STAGE.connection ? { ...s, gate: { ...s.gate, movers: ['manager'] } } : s)) };
    const result = replayMoves({ active, draft, moves: [connected('with-bik')], cardOf: () => cardNow(readyCardFor(STAGE.connection), 'move-with-bik') });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.reasons[0]).toMatch(/только менеджер/);
  });
});
