import { linearStages, membersOfRole, normaliseName, sameUsername, type ProcessConfig } from '../../rules';
import type { TrelloBoardCard, TrelloListPlace, TrelloMember, TrelloWebhook } from '../trello/schema';
import { webhookStep, type WebhookStep } from './ensure-webhook';

/** What set-up reads of a board before deciding anything (server/setup/set-up-board.ts reads it from Trello). */
export type BoardFacts = {
  boardId: string;
  /** Every list of the board, archived ones too, with its position. */
  lists: TrelloListPlace[];
  members: TrelloMember[];
  /** The token's webhooks, every board's (GET /1/tokens/{token}/webhooks). */
  webhooks: TrelloWebhook[];
  /** The board's open cards with their pluginData. */
  cards: Pick<TrelloBoardCard, 'id' | 'pluginData'>[];
};

/** Where this deployment listens and which Power-Up is its own. */
export type SetupTarget = { callbackURL: string; powerUpId: string };

/** A stage's list set-up creates: `pos` puts it right after `after` (null: first on the board). */
export type ListToCreate = { name: string; pos: number; after: string | null; side: boolean };

/** A username a role names that is not a member of the board, with every role that names it. */
export type MissingMember = { username: string; roles: string[] };

/**
 * Everything set-up found on a board and what it would do about it. Set-up only adds: it creates
 * the stages' missing lists and registers (or turns back on) the webhook. It never renames,
 * moves, archives or deletes a list, and what only a person can do is reported, not done.
 */
export type BoardSetupPlan = {
  boardId: string;
  /** The changes, in the order they are made: the lists in process order, then the webhook. */
  createLists: ListToCreate[];
  webhook: WebhookStep;
  /** Stages whose list is on the board only archived: a person restores it (set-up does not make a second one). */
  archivedStageLists: string[];
  missingMembers: MissingMember[];
  /** Open lists the rules do not name, in board order: left as they are. */
  unknownLists: string[];
  /** Stage lists that are open on the board more than once (the service treats every one as the stage). */
  duplicateLists: string[];
  stageLists: number;
  roleMembers: number;
  /** How many open cards there are and how many carry data of this deployment's Power-Up. */
  powerUp: { powerUpId: string; cards: number; cardsWithData: number };
};

/** Trello spaces positions 16384 apart (docs/trello-reference.md §3.1). */
const POS_STEP = 16384;

/** The stages as the board should show them: the main path in order, the side stages after it. */
function processOrder(rules: ProcessConfig): string[] {
  const names = [...linearStages(rules), ...rules.stages.filter((stage) => stage.side)].map((stage) => stage.list);
  // The first stage of a name is the one the service finds (rules/process/find-stage.ts).
  return names.filter((name, n) => names.findIndex((other) => normaliseName(other) === normaliseName(name)) === n);
}

/**
 * The plan for one board: a pure function of the rules and what was read, so the CLI, the tests
 * and (later) the admin's editor in the Power-Up all decide the same way. Planning again after the
 * plan was applied gives a plan with no changes.
 */
export function planBoardSetup(rules: ProcessConfig, facts: BoardFacts, target: SetupTarget): BoardSetupPlan {
  const open = facts.lists.filter((list) => !list.closed).sort((a, b) => a.pos - b.pos);
  const stages = processOrder(rules);
  const stageNames = new Set(stages.map(normaliseName));
  const openNamed = (name: string) => open.filter((list) => normaliseName(list.name) === normaliseName(name));

  // The board as it will be: its open lists, then each list set-up creates, in place.
  const placed = open.map((list) => ({ name: list.name, pos: list.pos }));
  const placeOf = new Map<string, number>();
  for (const name of stages) {
    const first = openNamed(name)[0];
    if (first) placeOf.set(normaliseName(name), first.pos);
  }
  const createLists: ListToCreate[] = [];
  const archivedStageLists: string[] = [];
  stages.forEach((name, index) => {
    if (placeOf.has(normaliseName(name))) return;
    const archived = facts.lists.find((list) => list.closed && normaliseName(list.name) === normaliseName(name));
    if (archived) {
      archivedStageLists.push(archived.name);
      return;
    }
    const pos = positionFor(index, stages, placeOf, placed);
    const after = placed.filter((list) => list.pos < pos).at(-1)?.name ?? null;
    const side = rules.stages.find((stage) => normaliseName(stage.list) === normaliseName(name))?.side ?? false;
    createLists.push({ name, pos, after, side });
    placeOf.set(normaliseName(name), pos);
    placed.push({ name, pos });
    placed.sort((a, b) => a.pos - b.pos);
  });

  return {
    boardId: facts.boardId,
    createLists,
    webhook: webhookStep(facts.webhooks, { boardId: facts.boardId, callbackURL: target.callbackURL }),
    archivedStageLists,
    missingMembers: missingMembers(rules, facts.members),
    unknownLists: open.filter((list) => !stageNames.has(normaliseName(list.name))).map((list) => list.name),
    duplicateLists: stages.filter((name) => openNamed(name).length > 1),
    stageLists: stages.length,
    roleMembers: new Set(Object.keys(rules.roles).flatMap((role) => membersOfRole(rules, role).map((m) => usernameOf(m).toLowerCase()))).size,
    powerUp: {
      powerUpId: target.powerUpId,
      cards: facts.cards.length,
      cardsWithData: facts.cards.filter((card) => card.pluginData.some((data) => data.idPlugin === target.powerUpId)).length,
    },
  };
}

/**
 * Where the stage at `index` goes: right after the nearest earlier stage on the board (before
 * whatever list follows it); with none, right before the nearest later one; with no stage on the
 * board at all, after every list.
 */
function positionFor(index: number, stages: string[], placeOf: Map<string, number>, placed: { pos: number }[]): number {
  const posOf = (name: string) => placeOf.get(normaliseName(name));
  const earlier = stages.slice(0, index).map(posOf).filter((pos) => pos !== undefined).at(-1);
  if (earlier !== undefined) {
    const next = placed.find((list) => list.pos > earlier);
    return next ? (earlier + next.pos) / 2 : earlier + POS_STEP;
  }
  const later = stages.slice(index + 1).map(posOf).find((pos) => pos !== undefined);
  if (later !== undefined) {
    const previous = placed.filter((list) => list.pos < later).at(-1)?.pos ?? 0;
    return (previous + later) / 2;
  }
  return (placed.at(-1)?.pos ?? 0) + POS_STEP;
}

const usernameOf = (member: string) => member.replace(/^@/, '');

function missingMembers(rules: ProcessConfig, members: TrelloMember[]): MissingMember[] {
  const missing = new Map<string, MissingMember>();
  for (const role of Object.keys(rules.roles)) {
    for (const username of membersOfRole(rules, role).map(usernameOf)) {
      if (members.some((member) => sameUsername(member.username, username))) continue;
      const key = username.toLowerCase();
      const entry = missing.get(key) ?? { username, roles: [] };
      if (!entry.roles.includes(role)) entry.roles.push(role);
      missing.set(key, entry);
    }
  }
  return [...missing.values()];
}

/** How many changes applying the plan makes. */
export function changeCount(plan: BoardSetupPlan): number {
  return plan.createLists.length + (plan.webhook.action === 'keep' ? 0 : 1);
}

/** Whether the board needs a person before it is set up: members to invite, archived lists to restore. */
export function needsPerson(plan: BoardSetupPlan): boolean {
  return plan.missingMembers.length > 0 || plan.archivedStageLists.length > 0;
}
