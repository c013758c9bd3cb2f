import type { CardHistory, TakeAnswer } from '../../rules/reports/report-types';
import { formatDate, peopleNames, personName } from './report-format';
import { failureTexts, type Language } from './summary-model';

// The card back's «История» block: where the card has been, what was refused, and whose turn it is.

export type VisitLine = {
  stage: string;
  from: string;
  /** Null while the card is still there. */
  to: string | null;
  workingDays: number;
  suspension: boolean;
  responsible: string | null;
};

export type RefusalLine = { date: string; to: string; mover: string; reasons: string[] };

/** Whose turn: a name, a «Беру» button, or the people who may take it. */
export type TurnLine =
  | { kind: 'responsible'; stage: string; name: string }
  | { kind: 'can-take'; stage: string; holders: string | null }
  | { kind: 'holders'; stage: string; holders: string | null };

export type HistoryModel = { visits: VisitLine[]; refusals: RefusalLine[]; turn: TurnLine | null };

export function historyModel(history: CardHistory, language: Language): HistoryModel {
  const visits = history.visits.map((v) => ({
    stage: v.stage,
    from: formatDate(v.enteredAt),
    to: v.leftAt ? formatDate(v.leftAt) : null,
    workingDays: v.workingDays,
    suspension: v.suspension,
    responsible: v.responsible ? personName(v.responsible) : null,
  }));
  const refusals = history.decisions
    .filter((d) => d.verdict === 'reverted' && !d.dryRun)
    .map((d) => ({ date: formatDate(d.movedAt ?? d.at), to: d.to, mover: personName(d.mover), reasons: failureTexts(d, language) }));
  return { visits, refusals, turn: turnLine(history.turn) };
}

function turnLine(turn: CardHistory['turn']): TurnLine | null {
  if (!turn) return null;
  if (turn.responsible) return { kind: 'responsible', stage: turn.stage, name: personName(turn.responsible) };
  const holders = peopleNames(turn.holders);
  return turn.canTake ? { kind: 'can-take', stage: turn.stage, holders } : { kind: 'holders', stage: turn.stage, holders };
}

/** After «Беру»: who holds the card now, and, on a 409, the server's word that someone was first. */
export function afterTake(answer: TakeAnswer): { turn: TurnLine & { kind: 'responsible' }; takenByOther: string | null } {
  const turn = { kind: 'responsible' as const, stage: answer.stage, name: personName(answer.responsible) };
  return { turn, takenByOther: answer.taken ? null : answer.message };
}
