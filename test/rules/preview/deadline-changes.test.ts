import { deadlineChanges, type CardDue, type VisitDue } from '../../../rules/preview';

const now = new Date('2026-11-27T12:00:00Z');
const card = { cardId: 'c1', cardName: 'Радио', url: null, stage: 'Подключение' };
const at = (iso: string) => new Date(iso);
const due = (deadline: string, escalation: string | null = null): VisitDue => ({ deadline: at(deadline), escalation: escalation ? at(escalation) : null });
const row = (active: VisitDue, draft: VisitDue): CardDue => ({ card, active, draft });
const kinds = (rows: CardDue[]) => deadlineChanges(rows, now).map((c) => c.change);

describe("what a draft does to a card's stage clock", () => {
  it('tells a limit added or removed, with both deadlines', () => {
    expect(deadlineChanges([row(null, due('2026-11-30T09:00:00Z'))], now)).toEqual([
      { ...card, change: 'limit-added', activeDeadline: null, draftDeadline: '2026-11-30T09:00:00.000Z' },
    ]);
    expect(kinds([row(due('2026-11-30T09:00:00Z'), null)])).toEqual(['limit-removed']);
  });

  it('tells a card becoming overdue, or ceasing to be, from the deadline itself on', () => {
    expect(kinds([row(due('2026-11-30T09:00:00Z'), due('2026-11-27T12:00:00Z'))])).toEqual(['becomes-overdue']);
    expect(kinds([row(due('2026-11-26T09:00:00Z'), due('2026-11-30T09:00:00Z'))])).toEqual(['stops-overdue']);
  });

  it('tells a deadline moved when the card stays on the same side of it, and nothing when it stays put', () => {
    expect(kinds([row(due('2026-11-30T09:00:00Z'), due('2026-12-02T09:00:00Z'))])).toEqual(['deadline-moved']);
    expect(kinds([row(due('2026-11-20T09:00:00Z'), due('2026-11-24T09:00:00Z'))])).toEqual(['deadline-moved']);
    expect(kinds([row(due('2026-11-30T09:00:00Z'), due('2026-11-30T09:00:00Z')), row(null, null)])).toEqual([]);
  });

  it("adds reminder-due when the controller's escalation would be due now and is not under the active rules", () => {
    const active = due('2026-11-30T09:00:00Z', '2026-12-01T09:00:00Z');
    const draft = due('2026-11-25T09:00:00Z', '2026-11-26T09:00:00Z');
    expect(kinds([row(active, draft)])).toEqual(['becomes-overdue', 'reminder-due']);
    // Already escalated under the active rules: nothing new fires.
    expect(kinds([row(due('2026-11-20T09:00:00Z', '2026-11-21T09:00:00Z'), due('2026-11-19T09:00:00Z', '2026-11-20T09:00:00Z'))])).toEqual([
      'deadline-moved',
    ]);
    // An escalation added to a stage whose deadline has long passed.
    expect(kinds([row(due('2026-11-20T09:00:00Z'), due('2026-11-20T09:00:00Z', '2026-11-21T09:00:00Z'))])).toEqual(['reminder-due']);
  });
});
