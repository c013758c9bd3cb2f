import type { Redis } from 'ioredis';
import type { DeadlineScheduler } from '../../../server/deadlines/deadline-scheduler';
import type { Notice } from '../../../server/notify/notice';
import type { CardEvent } from '../../../server/queue/card-event';
import { createPendingReverts } from '../../../server/stage/pending-changes';
import { createAuditLog } from '../../../server/store/audit-log';
import { createJudgedActions } from '../../../server/store/judged-actions';
import { createStageHistory } from '../../../server/store/stage-history';
import { createTrelloError } from '../../../server/trello/errors';
import type { TrelloCard, TrelloListArrival } from '../../../server/trello/schema';
import { judgeCardEvent } from '../../../server/worker/judge-card-event';
import type { JudgeDeps } from '../../../server/worker/judge-deps';
import { recordedLog } from '../../helpers/recorded-log';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { testLog } from '../../helpers/silent-log';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { stationUpTo } from '../../stack/station-data';
import { POWERUP_ID } from '../powerup-api/jwt-kit';

const BOT = 'bot-member';
const LISTS = {
  [STAGE.request]: 'list-request', [STAGE.data]: 'list-data', [STAGE.contract]: 'list-contract', [STAGE.connection]: 'list-connection',
} as const;
/** The board's members as Trello lists them (the simulator seeds the same names). */
const BOARD_MEMBERS = [
  { id: 'm-director', username: 'director', fullName: 'Ирина Директорова' },
  { id: 'm-manager', username: 'manager', fullName: 'Максим Менеджеров' },
];
const list = (name: keyof typeof LISTS) => ({ id: LISTS[name], name });

/**
 * The judge on real Redis stores, with Trello, the notifier and the deadline scheduler replaced by
 * recorders: what it decides, what it does to the board, and what it audits, one path at a time.
 */
describe('judging one card event', () => {
  let redis: Redis;
  let prefix: string;
  let cardSeq = 0;

  beforeAll(() => {
    redis = testRedis();
    prefix = uniquePrefix('judge');
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  /** A card now in `inList`, with the station data the Power-Up would have stored. */
  function setUp(
    inList: keyof typeof LISTS,
    station: Record<string, unknown>,
    opts: { members?: () => Promise<typeof BOARD_MEMBERS>; log?: JudgeDeps['log'] } = {},
  ) {
    cardSeq += 1;
    const cardId = `card-${cardSeq}`;
    const card: TrelloCard = {
      id: cardId, name: 'Радио Ромашка', idList: LISTS[inList], idBoard: 'board-1', closed: false,
      shortUrl: 'https://trello.com/c/x', url: 'https://trello.com/c/x/1-radio', idShort: cardSeq,
      list: list(inList), checklists: [],
      pluginData: [{ id: 'p1', idPlugin: POWERUP_ID, scope: 'card', idModel: cardId, value: JSON.stringify({ station }), access: 'shared' }],
    };
    const moves: { cardId: string; listId: string }[] = [];
    const sent: Notice[] = [];
    const clocks: string[] = [];
    const deadlines: Pick<DeadlineScheduler, 'entered'> = { entered: async (_card, entry) => void clocks.push(entry.stage) };
    const trello = {
      getCard: async () => card,
      moveCard: async (id: string, listId: string) => void moves.push({ cardId: id, listId }),
      addChecklist: async () => ({ id: 'checklist-1' }),
      addCheckItems: async () => undefined,
      getBoardLists: async () => Object.entries(LISTS).map(([name, id]) => ({ id, name, closed: false })),
    } as unknown as JudgeDeps['trello'];
    const membersRead: string[] = [];
    const members = opts.members ?? (async () => BOARD_MEMBERS);
    const lookups: JudgeDeps['lookups'] = { members: async (boardId) => (membersRead.push(boardId), members()) };
    const deps: JudgeDeps = {
      config: loadDefaultRules(), rulesVersion: 1, trello, lookups, deadlines,
      history: createStageHistory({ redis, prefix }),
      audit: createAuditLog({ redis, prefix }),
      judged: createJudgedActions({ redis, prefix }),
      reverts: createPendingReverts({ redis, prefix }),
      notifier: { send: async (notice) => void sent.push(notice) },
      botMemberId: BOT, powerUpId: POWERUP_ID, dryRun: false, log: opts.log ?? testLog(),
    };
    const move = (to: keyof typeof LISTS, over: Partial<CardEvent> = {}): CardEvent => ({
      actionId: `action-${cardSeq}-${to}`, kind: 'move', date: '2026-11-27T10:00:00.000Z', boardId: 'board-1', cardId,
      cardName: card.name, fromList: list(STAGE.request), toList: list(to),
      mover: { id: 'm1', username: 'manager', fullName: 'Мария' }, ...over,
    });
    return { card, cardId, deps, moves, sent, clocks, move, membersRead, audit: () => deps.audit.forCard(cardId) };
  }

  it('accepts a move whose gate is met: records the stage, starts its clock, tells the owner, audits once', async () => {
    const t = setUp(STAGE.data, stationUpTo('basics'));
    const outcome = await judgeCardEvent(t.move(STAGE.data), t.deps);

    expect(outcome).toEqual({ verdict: 'accepted', reason: 'forward', failures: [], revertedTo: null });
    expect((await t.deps.history.all(t.cardId)).map((v) => v.stage)).toEqual([STAGE.data]);
    expect(t.clocks).toEqual([STAGE.data]);
    expect(t.sent).toHaveLength(1);
    expect(t.moves).toEqual([]);
    expect(await t.audit()).toEqual([expect.objectContaining({ verdict: 'accepted', to: list(STAGE.data) })]);
  });

  it('moves a refused card back, explains, and clears the revert mark', async () => {
    const t = setUp(STAGE.data, {});
    const outcome = await judgeCardEvent(t.move(STAGE.data), t.deps);

    expect(outcome).toMatchObject({ verdict: 'reverted', revertedTo: list(STAGE.request) });
    expect(outcome.failures.map((f) => f.code)).toContain('field_missing');
    expect(t.moves).toEqual([{ cardId: t.cardId, listId: LISTS[STAGE.request] }]);
    expect(t.sent).toHaveLength(1);
    expect(await t.deps.reverts.get(t.cardId)).toBeNull();
    expect(await t.audit()).toEqual([expect.objectContaining({ verdict: 'reverted' })]);
  });

  it('leaves a refused card alone when someone already moved it on (card-moved-on), and says why it would have been refused', async () => {
    // The move was into «Сбор данных», but by the time it is judged the card is back in «Новая заявка».
    const t = setUp(STAGE.request, {});
    const outcome = await judgeCardEvent(t.move(STAGE.data), t.deps);

    expect(outcome).toMatchObject({ verdict: 'ignored', reason: 'card-moved-on', revertedTo: null });
    expect(outcome.failures.length).toBeGreaterThan(0);
    expect(t.moves).toEqual([]);
    expect(t.sent).toEqual([]);
    expect(await t.deps.history.all(t.cardId)).toEqual([]);
    expect(await t.audit()).toEqual([expect.objectContaining({ verdict: 'ignored', reason: 'card-moved-on', failures: outcome.failures })]);
  });

  it('judges a redelivered action once: the second run is a duplicate that writes and sends nothing', async () => {
    const t = setUp(STAGE.data, {});
    const event = t.move(STAGE.data);
    await judgeCardEvent(event, t.deps);
    const again = await judgeCardEvent(event, t.deps);

    expect(again).toMatchObject({ verdict: 'ignored', reason: 'duplicate-delivery' });
    expect(t.moves).toHaveLength(1);
    expect(t.sent).toHaveLength(1);
    expect(await t.audit()).toHaveLength(1);
  });

  it("ignores the service's own moves, so its reverts do not loop", async () => {
    const t = setUp(STAGE.data, {});
    const outcome = await judgeCardEvent(t.move(STAGE.data, { mover: { id: BOT, username: 'gatekeeper', fullName: 'Gatekeeper' } }), t.deps);

    expect(outcome).toMatchObject({ verdict: 'ignored', reason: 'own-action' });
    expect(t.moves).toEqual([]);
    expect(await t.audit()).toEqual([expect.objectContaining({ reason: 'own-action' })]);
  });

  it('ignores a delivery overtaken by a later move of the same card that was already acted on (superseded)', async () => {
    const t = setUp(STAGE.data, {});
    await judgeCardEvent(t.move(STAGE.data, { actionId: `later-${t.cardId}`, date: '2026-11-27T10:05:00.000Z' }), t.deps);
    const late = await judgeCardEvent(t.move(STAGE.data, { actionId: `earlier-${t.cardId}`, date: '2026-11-27T10:00:00.000Z' }), t.deps);

    expect(late).toMatchObject({ verdict: 'ignored', reason: 'superseded' });
    expect(t.moves).toHaveLength(1);
  });

  describe('a revert whose job failed after its mark, run again', () => {
    // Refused from «Новая заявка» into «Сбор данных»; the job fails on the move back (a storm, a kill)
    // and runs again later, from its mark, finding the card back in «Новая заявка».
    function failingMoveBack() {
      const t = setUp(STAGE.data, {});
      const arrivals: TrelloListArrival[] = [];
      const moveTo = (name: keyof typeof LISTS, by: string, at: string) => {
        Object.assign(t.card, { idList: LISTS[name], list: list(name) });
        arrivals.unshift({ id: `arrival-${arrivals.length}`, type: 'updateCard', date: at, data: { listAfter: list(name) }, idMemberCreator: by });
      };
      t.deps.trello.getCard = async () => structuredClone(t.card);
      t.deps.trello.getCardArrivals = async () => structuredClone(arrivals);
      let failed = false;
      t.deps.trello.moveCard = async (cardId, listId) => {
        t.moves.push({ cardId, listId });
        if (failed) return structuredClone(t.card);
        failed = true;
        throw new Error('Trello answered 500');
      };
      return { ...t, moveTo };
    }

    it('claims no revert when, meanwhile, someone dragged the card back themselves', async () => {
      const t = failingMoveBack();
      const event = t.move(STAGE.data);
      await expect(judgeCardEvent(event, t.deps)).rejects.toThrow('500');
      // A move onto the list the card is already in would move nothing: no move back by the service would exist.
      t.moveTo(STAGE.request, 'm1', '2026-11-27T10:00:05.000Z');
      const outcome = await judgeCardEvent(event, t.deps);

      expect(outcome).toMatchObject({ verdict: 'ignored', reason: 'card-moved-on', revertedTo: null });
      expect(t.sent).toEqual([]);
      expect(await t.audit()).toEqual([expect.objectContaining({ verdict: 'ignored', reason: 'card-moved-on' })]);
      expect(await t.deps.reverts.get(t.cardId)).toBeNull();
    });

    it('finishes the revert whose move back landed before its process died: audited as reverted, explained once', async () => {
      const t = failingMoveBack();
      const event = t.move(STAGE.data);
      await expect(judgeCardEvent(event, t.deps)).rejects.toThrow('500');
      // The move back had reached Trello after all (the answer was lost): the card's arrival is the service's.
      t.moveTo(STAGE.request, BOT, '2026-11-27T10:00:01.000Z');
      const outcome = await judgeCardEvent(event, t.deps);

      expect(outcome).toMatchObject({ verdict: 'reverted', revertedTo: list(STAGE.request) });
      expect(t.moves).toHaveLength(1);
      expect(t.sent).toHaveLength(1);
      expect(await t.audit()).toEqual([expect.objectContaining({ verdict: 'reverted' })]);
    });
  });

  describe('a refusal that says who may move the card', () => {
    // A manager drags a card with the contract drafted into «Подключение», which only the director may enter.
    const intoConnection = (t: ReturnType<typeof setUp>) =>
      judgeCardEvent(t.move(STAGE.connection, { fromList: list(STAGE.contract) }), t.deps);
    const reasonsSent = (t: ReturnType<typeof setUp>) => t.sent.flatMap((n) => (n.kind === 'move-reverted' ? n.reasons : []));
    const byUsername = {
      ru: 'переместить в «Подключение» может только директор (@director)',
      en: 'only director (@director) may move cards into "Подключение"',
    };

    it("names the role's members in full in the comment, from the board's members; the audit keeps the rules' words", async () => {
      const t = setUp(STAGE.connection, stationUpTo('contractDrafted'));
      const outcome = await intoConnection(t);

      expect(outcome).toMatchObject({ verdict: 'reverted', revertedTo: list(STAGE.contract) });
      expect(t.moves).toEqual([{ cardId: t.cardId, listId: LISTS[STAGE.contract] }]);
      expect(reasonsSent(t)[0]).toEqual({
        ru: 'переместить в «Подключение» может только директор (Ирина Директорова, @director)',
        en: 'only director (Ирина Директорова, @director) may move cards into "Подключение"',
      });
      // The other reasons are the rules' own words, in the rules' order.
      expect(reasonsSent(t).slice(1)).toEqual(outcome.failures.slice(1).map(({ ru, en }) => ({ ru, en })));
      expect(t.membersRead).toEqual(['board-1']);
      // One reason stays one line in the reports, whoever the board names.
      expect(outcome.failures[0]).toMatchObject({ code: 'role_not_allowed', ...byUsername });
      expect((await t.audit())[0]!.failures[0]).toMatchObject(byUsername);
    });

    it('names the username alone for a member the board does not list', async () => {
      const t = setUp(STAGE.connection, stationUpTo('contractDrafted'), { members: async () => [BOARD_MEMBERS[1]!] });
      await intoConnection(t);

      expect(reasonsSent(t)[0]).toEqual(byUsername);
    });

    it('still reverts and explains, by usernames, when Trello cannot list the members (logged at warn)', async () => {
      const recorded = recordedLog();
      const trelloDown = async (): Promise<typeof BOARD_MEMBERS> => {
        throw createTrelloError({ code: 'trello_rate_limited', status: 429, method: 'GET', path: '/1/boards/board-1/members', detail: '' }, 2);
      };
      const t = setUp(STAGE.connection, stationUpTo('contractDrafted'), { members: trelloDown, log: recorded.log });
      const outcome = await intoConnection(t);

      expect(outcome).toMatchObject({ verdict: 'reverted', revertedTo: list(STAGE.contract) });
      expect(t.moves).toHaveLength(1);
      expect(reasonsSent(t)[0]).toEqual(byUsername);
      expect(recorded.at('warn')).toEqual([
        expect.objectContaining({ boardId: 'board-1', msg: 'board members could not be read: messages name usernames only' }),
      ]);
      expect(await t.deps.reverts.get(t.cardId)).toBeNull();
    });

    /**
     * A members lookup that takes its time (Trello storming, the cache cold): `duringNames` sees
     * what has been done by the moment the names are read, and may change the card meanwhile.
     */
    function slowNames(duringNames: (t: ReturnType<typeof setUp>) => void) {
      const t = setUp(STAGE.connection, stationUpTo('contractDrafted'), {
        members: async () => {
          duringNames(t);
          return BOARD_MEMBERS;
        },
      });
      return t;
    }

    it('moves the card back before it reads the names: a slow lookup delays only the comment, and costs no second read of the card', async () => {
      let movedBeforeNames: unknown[] = [];
      let sentBeforeNames = -1;
      const t = slowNames((seen) => {
        movedBeforeNames = [...seen.moves];
        sentBeforeNames = seen.sent.length;
      });
      let reads = 0;
      const getCard = t.deps.trello.getCard;
      t.deps.trello.getCard = async (id) => ((reads += 1), getCard(id));
      const outcome = await intoConnection(t);

      expect(outcome).toMatchObject({ verdict: 'reverted', revertedTo: list(STAGE.contract) });
      expect(movedBeforeNames).toEqual([{ cardId: t.cardId, listId: LISTS[STAGE.contract] }]);
      expect(sentBeforeNames).toBe(0);
      expect(t.sent).toHaveLength(1);
      expect(reads).toBe(1);
    });

    it('explains by usernames when a re-run finishes a revert whose names were never read', async () => {
      // The first run moved the card back and died before the comment: its mark says so, with no names.
      const t = setUp(STAGE.contract, stationUpTo('contractDrafted'));
      const event = t.move(STAGE.connection);
      await t.deps.reverts.begin(t.cardId, {
        event, target: list(STAGE.contract), attemptedStage: STAGE.connection, moved: true,
        failures: [{ code: 'role_not_allowed', stage: STAGE.connection, ru: 'переместить в «Подключение» может только директор (@director)', en: 'x', facts: {} }],
      });
      const outcome = await judgeCardEvent(event, t.deps);

      expect(outcome).toMatchObject({ verdict: 'reverted' });
      expect(t.moves).toEqual([]);
      expect(t.membersRead).toEqual([]);
      expect(t.sent[0]).toMatchObject({ reasons: [{ ru: 'переместить в «Подключение» может только директор (@director)', en: 'x' }] });
    });

    it('reads no members for a refusal that names nobody', async () => {
      const t = setUp(STAGE.data, {});
      await judgeCardEvent(t.move(STAGE.data), t.deps);

      expect(t.sent).toHaveLength(1);
      expect(t.membersRead).toEqual([]);
    });
  });
});
