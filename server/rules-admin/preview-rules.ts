import type { Logger } from 'pino';
import { calendarOf, type ProcessConfig } from '../../rules';
import {
  deadlineChanges, knownMovers, noticeAudiences, previewCard, readinessChanges, replayMoves, routingChanges, unmetGates,
  type BoardCard, type CardDue, type NoticeAudience, type NoticeKind, type Reception, type ReplayCard,
  type RulesPreview, type VisitDue,
} from '../../rules/preview';
import { hoursUsedBefore } from '../deadlines/hours-used-before';
import { stageDeadlines } from '../deadlines/stage-deadlines';
import type { Notice } from '../notify/notice';
import { webhookKey } from '../notify/delivery';
import { deliveriesFor } from '../notify/route-notice';
import { snapshotChecklists, stationOf } from '../stage/card-snapshot';
import type { AuditLog } from '../store/audit-log';
import type { StageHistory, StageVisit } from '../store/stage-history';
import { peopleOf, type BoardLookups } from '../trello/board-lookups';
import type { TrelloClient } from '../trello/create-trello-client';
import type { TrelloBoardCard } from '../trello/schema';

/** How far back the replay of judged moves reaches. */
export const REPLAY_DAYS = 30;

/**
 * Reads only: no Trello call but GETs, nothing written to Redis, no notice sent. `lookups` are the
 * board's cached members and lists (an in-memory cache: reading through it writes nothing).
 */
export type PreviewRulesDeps = {
  /** Station data is this Power-Up's shared card pluginData. */
  powerUpId: string;
  trello: Pick<TrelloClient, 'getBoardCards'>;
  lookups: Pick<BoardLookups, 'lists' | 'members'>;
  history: Pick<StageHistory, 'allOf'>;
  audit: Pick<AuditLog, 'between'>;
  log: Logger;
};

export type PreviewRulesInput = {
  boardId: string;
  active: { version: number; config: ProcessConfig };
  draft: ProcessConfig;
  now: Date;
};

/**
 * The rules dry run: what `draft` would change on the board as it is now, against the active rules
 * — cards' readiness for their next stage, cards that no longer meet the gate of the stage they are
 * in, their stage deadlines, who is told what where, and the last 30 days of judged moves judged
 * again. Four reads: the board's cards with their data (one Trello call), its lists and members
 * (cached), the cards' stage histories (one Redis pipeline), the audit log's last 30 days.
 * The board is read as the director's view reads it (`boardReportData`), but not through it: that
 * takes the whole of ReportDeps («Беру»'s writes included) and the badges' cached cards, which carry
 * no station data; the gates need the data, read fresh, since the admin is about to act on it.
 */
export async function previewRules(deps: PreviewRulesDeps, input: PreviewRulesInput): Promise<RulesPreview> {
  const { boardId, draft, now } = input;
  const active = input.active.config;
  // Trello's failures pass as they are: they name the request, and the API answers them as Trello's (502, 404).
  const [trelloCards, lists, members] = await Promise.all([
    deps.trello.getBoardCards(boardId, { pluginData: true }),
    deps.lookups.lists(boardId),
    deps.lookups.members(boardId),
  ]);
  const [histories, judged] = await inContext(`reading the stage histories and audit log of board ${boardId}`, Promise.all([
    deps.history.allOf(trelloCards.map((card) => card.id)),
    // `between` excludes its end: a move judged in the very millisecond of `now` is still replayed.
    deps.audit.between(new Date(now.getTime() - REPLAY_DAYS * 86_400_000), new Date(now.getTime() + 1)),
  ]));

  const listNames = new Map(lists.map((list) => [list.id, list.name]));
  const cards = trelloCards.map((card) => boardCard(card, listNames.get(card.idList) ?? '', deps));
  const visitsOf = (cardId: string) => histories.get(cardId) ?? [];
  const byId = new Map(cards.map((card) => [card.cardId, card]));

  const replay = replayMoves({
    active,
    draft,
    moves: judged.filter((entry) => entry.boardId === boardId),
    cardOf: (cardId): ReplayCard | undefined => {
      const card = byId.get(cardId);
      return card && { snapshot: card.snapshot, visits: visitsOf(cardId) };
    },
    people: peopleOf(members),
  });
  const preview: RulesPreview = {
    activeVersion: input.active.version,
    generatedAt: now.toISOString(),
    cards: cards.length,
    readiness: readinessChanges(active, draft, cards),
    unmetGates: unmetGates(active, draft, cards),
    deadlines: deadlineChanges(cardClocks(active, draft, cards, trelloCards, visitsOf), now),
    routing: routingChanges(receptions(active, active, draft, boardId), receptions(draft, active, draft, boardId)),
    replay: { days: REPLAY_DAYS, ...replay },
  };
  deps.log.info(
    {
      boardId,
      activeVersion: input.active.version,
      cards: preview.cards,
      readiness: preview.readiness.length,
      unmetGates: preview.unmetGates.length,
      deadlines: preview.deadlines.length,
      routing: preview.routing.length,
      replayed: replay.judged,
      replayChanges: replay.changes.length,
    },
    'rules preview computed',
  );
  return preview;
}

function boardCard(card: TrelloBoardCard, listName: string, deps: Pick<PreviewRulesDeps, 'powerUpId' | 'log'>): BoardCard {
  return {
    cardId: card.id,
    name: card.name,
    // The board's card read carries no short link; Trello opens a card by its id as well.
    url: `https://trello.com/c/${card.id}`,
    listName,
    snapshot: { name: card.name, station: stationOf(card, deps.powerUpId, deps.log), checklists: snapshotChecklists(card.checklists) },
  };
}

/**
 * Each card's open visit with its clock under both rules, as the deadline scheduler would set it:
 * a return from suspension keeps the working time already used in the stage (counted on each
 * rules' own calendar). A visit of another list is stale (the card left unrecorded) and has no clock.
 */
function cardClocks(
  active: ProcessConfig,
  draft: ProcessConfig,
  cards: readonly BoardCard[],
  trelloCards: readonly TrelloBoardCard[],
  visitsOf: (cardId: string) => StageVisit[],
): CardDue[] {
  return cards.flatMap((card, index): CardDue[] => {
    const visits = visitsOf(card.cardId);
    const open = visits.at(-1);
    if (!open || open.leftAt !== null || open.listId !== trelloCards[index]!.idList) return [];
    const clock = (config: ProcessConfig): VisitDue => {
      const used = visits.at(-2)?.kind === 'suspension' ? hoursUsedBefore(visits, calendarOf(config)) : 0;
      return stageDeadlines(config, open.stage, new Date(open.enteredAt), used);
    };
    return [{ card: previewCard(card, active, draft), active: clock(active), draft: clock(draft) }];
  });
}

// A compile-time guard: rules/preview lists the notice kinds it routes (rules/ may not import the
// server's notices); this stops the build when a kind is added on one side only.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS_MATCH_NOTICES: Same<NoticeKind, Notice['kind']> = true;
void KINDS_MATCH_NOTICES;

/**
 * Who receives what under `config`: each notice the config can send, made up with no card behind
 * it, routed by the service's own `deliveriesFor`. Refused moves are routed for everyone either
 * config names (`knownMovers`), so a person only one of them knows shows up on both sides.
 */
function receptions(config: ProcessConfig, active: ProcessConfig, draft: ProcessConfig, boardId: string): Reception[] {
  const channelLabel = addressLabels(active, draft);
  return noticeAudiences(config, knownMovers(active, draft)).flatMap((audience) =>
    deliveriesFor(sampleNotice(audience, boardId), config).flatMap((delivery) => {
      const channel = channelLabel(delivery.channel, delivery.address);
      const recipients = delivery.usernames.length ? delivery.usernames.map((name) => `@${name.replace(/^@/, '')}`) : ['*'];
      return recipients.map((recipient) => ({ kind: audience.kind, stage: audience.stage, recipient, channel }));
    }),
  );
}

/** A notice of the audience's kind for routing only: routing reads its kind and its addressees. */
function sampleNotice(audience: NoticeAudience, boardId: string): Notice {
  const card = { actionId: 'rules-preview', boardId, cardId: 'rules-preview', cardName: '' };
  const stage = audience.stage ?? '';
  const recipients = audience.recipients;
  const nobody = { username: '', fullName: '' };
  const make: Record<NoticeKind, () => Notice> = {
    'stage-entered': () => ({ ...card, kind: 'stage-entered', arrival: 'move', stage, mover: nobody, recipients }),
    'move-reverted': () => ({
      ...card, kind: 'move-reverted', attemptedStage: '', revertedTo: '', reasons: [],
      mover: { username: recipients[0] ?? '', fullName: '' },
    }),
    'deadline-passed': () => ({ ...card, kind: 'deadline-passed', stage, enteredAt: '', deadline: '', limit: {}, recipients }),
    'deadline-escalated': () => ({ ...card, kind: 'deadline-escalated', stage, enteredAt: '', deadline: '', owners: [], recipients }),
    suspended: () => ({ ...card, kind: 'suspended', stage, mover: nobody, recipients }),
    resumed: () => ({ ...card, kind: 'resumed', stage, mover: nobody, recipients }),
    'link-unopened': () => ({ ...card, kind: 'link-unopened', stage, sentAt: '', expiresAt: '', recipient: '', recipients }),
    'webhook-restored': () => ({ kind: 'webhook-restored', actionId: 'rules-preview', boardId, change: 're-enabled', recipients }),
  };
  return make[audience.kind]();
}

/**
 * How a channel and address read in the answer: «trello-comment», «telegram -1001234567890»,
 * «email buh@example.com», and a webhook by its origin only (its URL is a credential; routing
 * knows it by `webhookKey`, so the keys of both rules' URLs are mapped back).
 */
function addressLabels(...configs: ProcessConfig[]): (channel: string, address: string) => string {
  const webhooks = new Map<string, string>();
  for (const config of configs) {
    const { routes, everyNotice } = config.notifications;
    for (const route of [...Object.values(routes), ...(everyNotice ? [everyNotice] : [])]) {
      for (const url of route.webhook ?? []) webhooks.set(webhookKey(url), `${new URL(url).origin}/…`);
    }
  }
  return (channel, address) => {
    if (channel === 'trello-comment') return channel;
    return `${channel} ${channel === 'webhook' ? (webhooks.get(address) ?? address) : address}`;
  };
}

/** A failed read of the service's own records, named with the board it was for. */
async function inContext<T>(what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw new Error(`rules preview: ${what} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
