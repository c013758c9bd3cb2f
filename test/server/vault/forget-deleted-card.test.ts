import type { Redis } from 'ioredis';
import request from 'supertest';
import { createApp } from '../../../server/http/create-app';
import { signTrelloPayload } from '../../../server/http/verify-trello-signature';
import { createAuditLog } from '../../../server/store/audit-log';
import { TrelloAction } from '../../../server/trello/webhook-body';
import { AccessLogUnavailableError, createAccessLog } from '../../../server/vault/access-log';
import { forgetDeletedCard, type ForgetDeps } from '../../../server/vault/forget-deleted-card';
import { parseVaultKeys } from '../../../server/vault/vault-keys';
import { createVaultStore } from '../../../server/vault/vault-store';
import { judgedMove } from '../../helpers/audit-entries';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { TEST_VAULT_KEYS } from '../../helpers/vault-keys';

const BOARD = '5a0000000000000000000b01';
const CARD = '5a0000000000000000000c01';
const MEMBER = { id: '5a0000000000000000000d01', username: 'manager', fullName: 'Мария Менеджерова' };
const ICECAST = { label: 'Icecast source', login: 'source', secret: 'hackme-42', url: '', note: '' };
const PANEL = { label: 'Панель статистики', login: 'radio', secret: 'pa$$', url: '', note: '' };

/** Trello's deleteCard, as its webhook delivers it: the card without its name (TRELLO-906). */
function deleteCardAction(cardId = CARD): TrelloAction {
  return TrelloAction.parse({
    id: '5a0000000000000000000a01',
    idMemberCreator: MEMBER.id,
    type: 'deleteCard',
    date: '2026-11-28T09:00:00.000Z',
    data: { card: { id: cardId, idShort: 6, shortLink: 'AbCd1234' }, list: { id: '5a0000000000000000000e01', name: 'Сбор данных' }, board: { id: BOARD, name: 'Подключение клиентов', shortLink: 'XyZ98765' } },
    memberCreator: MEMBER,
  });
}

describe('a card deleted in Trello takes its credentials with it', () => {
  let redis: Redis;
  let prefix: string;
  let deps: ForgetDeps;
  const store = () => createVaultStore({ redis, prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) });

  beforeAll(() => void (redis = testRedis()));
  beforeEach(() => {
    prefix = uniquePrefix('forget');
    deps = { store: store(), accessLog: createAccessLog({ redis, prefix }), audit: createAuditLog({ redis, prefix }), log: testLog() };
  });
  afterEach(() => deleteKeys(redis, prefix));
  afterAll(() => redis.quit());

  it('erases every entry and the data key, and logs who deleted the card, how many entries went and the card’s name', async () => {
    const [icecast, panel] = [await store().add(CARD, ICECAST, MEMBER.id), await store().add(CARD, PANEL, MEMBER.id)];
    await store().add('5a0000000000000000000c02', ICECAST, MEMBER.id);
    const board = { boardId: BOARD, lists: { 'Новая заявка': 'l1', 'Сбор данных': 'l2' } };
    await createAuditLog({ redis, prefix }).append(judgedMove(board, { from: 'Новая заявка', to: 'Сбор данных' }, { actionId: 'a1', cardId: CARD, cardName: 'Радио Ромашка' }));

    await expect(forgetDeletedCard(deps, deleteCardAction(), BOARD)).resolves.toBe(2);

    expect(await store().list(CARD)).toEqual([]);
    expect(await redis.exists(`${prefix}:vault:card:${CARD}`)).toBe(0);
    expect(await redis.smembers(`${prefix}:vault:cards`)).toEqual(['5a0000000000000000000c02']);
    expect(await store().count('5a0000000000000000000c02')).toBe(1);
    const [line, ...rest] = await createAccessLog({ redis, prefix }).ofCard(CARD);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      action: 'card-deleted',
      boardId: BOARD,
      cardId: CARD,
      memberId: MEMBER.id,
      username: 'manager',
      cardName: 'Радио Ромашка',
    });
    expect([...line!.entryIds!].sort()).toEqual([icecast.id, panel.id].sort());
    expect(await createAccessLog({ redis, prefix }).ofBoard(BOARD)).toEqual([line]);
  });

  it('does nothing, and logs nothing, for a card without credentials or an action that deletes no card', async () => {
    await expect(forgetDeletedCard(deps, deleteCardAction(), BOARD)).resolves.toBe(0);
    await store().add(CARD, ICECAST, MEMBER.id);
    await expect(forgetDeletedCard(deps, { ...deleteCardAction(), type: 'updateCard' }, BOARD)).resolves.toBe(0);
    expect(await store().count(CARD)).toBe(1);
    expect(await createAccessLog({ redis, prefix }).ofBoard(BOARD)).toEqual([]);
  });

  it('erases nothing when the access log cannot be written: the failure reaches the caller, and Trello delivers again', async () => {
    await store().add(CARD, ICECAST, MEMBER.id);
    const failing: ForgetDeps = { ...deps, accessLog: { record: async () => Promise.reject(new AccessLogUnavailableError('Redis went away')) } };
    await expect(forgetDeletedCard(failing, deleteCardAction(), BOARD)).rejects.toThrow('Redis went away');
    expect(await store().count(CARD)).toBe(1);
    // Delivered again with the log back: erased once.
    await expect(forgetDeletedCard(deps, deleteCardAction(), BOARD)).resolves.toBe(1);
    await expect(forgetDeletedCard(deps, deleteCardAction(), BOARD)).resolves.toBe(0);
    expect(await createAccessLog({ redis, prefix }).ofCard(CARD)).toHaveLength(1);
  });
});

describe('POST /webhooks/trello with a deleteCard', () => {
  const CALLBACK = 'https://gatekeeper.example.com/webhooks/trello';
  const SECRET = 'test-app-secret';
  const body = Buffer.from(JSON.stringify({ action: deleteCardAction(), model: { id: BOARD } }));
  const post = (app: ReturnType<typeof createApp>) =>
    request(app).post('/webhooks/trello').set('Content-Type', 'application/json').set('X-Trello-Webhook', signTrelloPayload(body, CALLBACK, SECRET)).send(body.toString('utf8'));
  const appWith = (cardDeleted?: (action: TrelloAction, boardId: string) => Promise<unknown>) =>
    createApp({
      log: testLog(), callbackUrl: CALLBACK, appSecret: SECRET, bodyLimit: '64kb',
      enqueue: async () => undefined,
      readiness: async () => ({}),
      ...(cardDeleted ? { cardDeleted } : {}),
    });

  it('erases the card’s credentials before answering 200, and answers 503 when it cannot, so that Trello delivers again', async () => {
    const seen: [string, string][] = [];
    const ok = await post(appWith(async (action, boardId) => void seen.push([action.data.card!.id, boardId])));
    expect(ok.status).toBe(200);
    expect(seen).toEqual([[CARD, BOARD]]);

    const down = await post(appWith(async () => Promise.reject(new Error('connection is closed'))));
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: 'store_unavailable', message: "the deleted card's credentials cannot be erased now; retry later" });
  });

  it('acknowledges it without a vault, as any action that moves no card', async () => {
    const res = await post(appWith());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
  });
});
