import request from 'supertest';
import { createAuditLog, type AuditEntry } from '../../../server/store/audit-log';
import type { StageVisit } from '../../../server/store/stage-history';
import type { E2E } from '../../e2e/e2e-kit';
import { judgedMove } from '../../helpers/audit-entries';

/** A GET or POST of the Power-Up API as `member` (a demo username) on the demo board. */
export function apiAs(e2e: E2E, member: string, token = e2e.powerUpJwt(member)) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(request(e2e.service.url).get(`/api${path}`)),
    post: (path: string) => auth(request(e2e.service.url).post(`/api${path}`)),
  };
}

/**
 * Replaces a card's stage history with visits at the given instants, as if the service had watched
 * the card for months: [stage, ISO instant] pairs, oldest first; the last visit stays open.
 */
export async function seedHistory(e2e: E2E, cardId: string, visits: [stage: string, at: string][]): Promise<StageVisit[]> {
  const key = `${e2e.env.REDIS_PREFIX}:card:${cardId}:stages`;
  const rows: StageVisit[] = visits.map(([stage, at], i) => ({
    stage,
    listId: e2e.board.lists[stage]!,
    enteredAt: at,
    leftAt: visits[i + 1]?.[1] ?? null,
    actionId: `seeded-${cardId}-${i}`,
    ...(stage.startsWith('Приостановлен') ? { kind: 'suspension' as const } : {}),
  }));
  await e2e.redis.del(key);
  await e2e.redis.rpush(key, ...rows.map((row) => JSON.stringify(row)));
  return rows;
}

/** Writes a decision into the audit log as the worker would (judged now, whatever `at` says): Ромашка's move into «Сбор данных» unless told otherwise. */
export async function appendDecision(e2e: E2E, entry: Partial<AuditEntry> & Pick<AuditEntry, 'actionId'>): Promise<void> {
  const audit = createAuditLog({ redis: e2e.redis, prefix: e2e.env.REDIS_PREFIX });
  await audit.append(judgedMove(e2e.board, { from: 'Новая заявка', to: 'Сбор данных' }, { cardId: 'c'.repeat(24), cardName: 'Радио Ромашка', ...entry }));
}

/** The Trello requests the service made for the board's cards. */
export const boardCardReads = (e2e: E2E) =>
  e2e.serviceRequests('GET').filter((r) => r.path === `/1/boards/${e2e.board.boardId}/cards`).length;
