import type { DecisionLike, Person, ReportCard, VisitLike } from '../../../rules';
import { moscow } from '../calendar/work-calendars';
import { STAGE } from '../default-rules';

/**
 * A card's stage history from its moves, on Moscow's clock: each visit is left when the next one
 * starts, the last is still open. A visit to the suspension stage is recorded as the server does.
 */
export function path(...steps: readonly (readonly [stage: string, wallTime: string])[]): VisitLike[] {
  return steps.map(([stage, at], i) => {
    const next = steps[i + 1];
    return {
      stage,
      enteredAt: moscow(at).toISOString(),
      leftAt: next ? moscow(next[1]).toISOString() : null,
      ...(stage === STAGE.suspended ? { kind: 'suspension' as const } : {}),
    };
  });
}

export function reportCard(name: string, listName: string, visits: VisitLike[], responsible: Person | null = null): ReportCard {
  return { cardId: `card-${name}`, name, listName, visits, responsible };
}

const FULL_NAMES: Record<string, string> = {
  director: 'Дмитрий Директоров',
  manager: 'Мария Менеджер',
  engineer: 'Евгений Инженер',
  accountant: 'Анна Бухгалтер',
};

/** The board's members as the server would name them; a username the board does not know has no full name. */
export function people(username: string): Person {
  const key = username.replace(/^@/, '').toLowerCase();
  return { username: key, fullName: FULL_NAMES[key] ?? null };
}

let seq = 0;

/** An audit entry with the fields a test does not care about filled in. */
export function decision(fields: Partial<DecisionLike> & Pick<DecisionLike, 'verdict' | 'at' | 'to'>): DecisionLike {
  seq++;
  return {
    id: `${1_780_000_000_000 + seq}-0`,
    boardId: 'board-1',
    cardId: `card-${seq}`,
    cardName: `Радио ${seq}`,
    mover: 'manager',
    from: { id: 'list-from', name: STAGE.request },
    reason: fields.verdict === 'accepted' ? fields.to.name : 'rules',
    failures: [],
    revertedTo: null,
    dryRun: false,
    ...fields,
  };
}

export function list(name: string): { id: string; name: string } {
  return { id: `list-${name}`, name };
}
