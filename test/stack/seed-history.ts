import type { Redis } from 'ioredis';
import {
  addWorkingTime, calendarOf, checklistForStage, evaluate, findStage, linearStages, membersOfRole, stageLimit,
  workingTimeBetween, type CardSnapshot, type ProcessConfig, type Stage, type WorkCalendar,
} from '../../rules';
import { createRulesVersions } from '../../server/rules-store/rules-versions';
import type { AuditEntry } from '../../server/store/audit-log';
import { createStageHistory } from '../../server/store/stage-history';
import { mulberry32 } from '../chaos/chaos-plan';
import type { DemoBoard, TrelloSimulator } from '../simulator/types';
import { makeStation, type Random, type StationParts } from './seed-stations';

/**
 * A year (or more) of plausible history on the demo board of rules/radio-onboarding.yaml, for the
 * director's «Сводка», the demo and the bench: stations on the simulator's board, their stage
 * histories and the audit log's decisions in Redis, written as the service writes them.
 *
 * The story: onboardings get faster over the period (a median lead time of about ten working days
 * at its start, about six at its end), refusals get rarer; ~70% of stations are active clients,
 * the rest in progress across the stages, at least one of them past its stage's limit now; a few
 * cards went back a stage, at least one client was suspended for debt and came back.
 *
 * The cards are created while the simulator withholds their webhook deliveries (if the board has a
 * webhook at all), so a running service never judges them: their history is this seed's alone. No
 * deadline jobs are scheduled for them, and no «judged» marks are set.
 */
export type SeedHistoryInput = {
  sim: TrelloSimulator;
  board: DemoBoard;
  redis: Redis;
  prefix: string;
  config: ProcessConfig;
  now: Date;
  stations?: number;
  months?: number;
  seed?: number;
};

export type SeededCard = {
  cardId: string;
  name: string;
  /** The list the card is in now. */
  stage: string;
  startedAt: string;
  /** The first arrival in the last stage of the main path; null while in progress. */
  completedAt: string | null;
  visits: number;
  refusals: number;
  backwardMoves: number;
  suspended: boolean;
  /** In progress and past its current stage's limit at `now`. */
  overdueNow: boolean;
};

export type SeededHistory = {
  /** In creation order. */
  cards: SeededCard[];
  /** Card ids by the list they are in now. */
  byStage: Record<string, string[]>;
  completions: { cardId: string; startedAt: string; completedAt: string; workingDays: number }[];
  counts: {
    stations: number; completed: number; inProgress: number; visits: number; decisions: number;
    refusals: number; backwardMoves: number; suspensions: number; overdueNow: number;
  };
  period: { from: string; to: string };
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Share of the completed stations; the rest are in progress (a few of them stuck past a limit). */
const IN_PROGRESS_SHARE = 0.3;
const STALLED_SHARE = 0.05;
const SUSPENDED_SHARE = 0.03;
/** A stage's typical visit is this share of its limit at the period's start; IMPROVEMENT less at its end. */
const TYPICAL_SHARE = 0.38;
const IMPROVEMENT = 0.48;
/** The spread of a visit's length around the typical one (σ of its logarithm). */
const VISIT_SPREAD = 0.4;

/** One move of a card in the plan: where to, by whom, after how many working hours in the list it leaves. */
type Step = {
  to: Stage;
  from: Stage | null;
  mover: string;
  hoursBefore: number;
  /** A refused attempt at this move earlier in the visit it ends: when (share of hoursBefore) and which mistake. */
  refusal?: { share: number; variant: number };
};

/** A step with its time and the ids of the Trello actions it made (the refused attempt's, the service's move back). */
type Placed = Step & { at: number; refusalAt?: number; actionId: string; refusalIds?: [string, string] };

/** A station's way through the process, before it has a name. */
type Timeline = { start: number; steps: Placed[] };
type CardPlan = Timeline & { n: number; parts: StationParts };

export async function seedHistory(input: SeedHistoryInput): Promise<SeededHistory> {
  const { sim, board, redis, prefix, config, now } = input;
  const stations = input.stations ?? 60;
  const months = input.months ?? 12;
  const random = mulberry32(input.seed ?? 1);
  const calendar = calendarOf(config);
  const main = linearStages(config);
  const suspension = config.stages.find((s) => s.suspension);
  const to = now.getTime();
  const from = monthsBefore(now, months);
  const limitHours = new Map(config.stages.flatMap((s) => {
    const limit = stageLimit(config, s.list);
    return limit ? [[s, limit.hours] as const] : [];
  }));
  const plans = planStations({ config, calendar, main, suspension, random, stations, from, to, limitHours });

  const cards = createCards(sim, board, config, main, plans, random);
  // Judged under the version in force, as the worker would have: the decision log names it.
  const rulesVersion = (await createRulesVersions({ redis, prefix }).active())?.version;
  const audit = plans.flatMap((plan, i) => decisionsOf(config, board, main, plan, cards[i]!, rulesVersion));
  await writeHistories(redis, prefix, board, plans, cards);
  await writeAudit(redis, prefix, audit);

  const seeded = plans.map((plan, i) => summarise(config, calendar, main, plan, cards[i]!, to));
  const byStage: Record<string, string[]> = {};
  for (const card of seeded) (byStage[card.stage] ??= []).push(card.cardId);
  const completions = seeded.flatMap((c) =>
    c.completedAt
      ? [{ cardId: c.cardId, startedAt: c.startedAt, completedAt: c.completedAt, workingDays: round2(workingTimeBetween(calendar, new Date(c.startedAt), new Date(c.completedAt)).days) }]
      : [],
  );
  return {
    cards: seeded,
    byStage,
    completions,
    counts: {
      stations,
      completed: completions.length,
      inProgress: stations - completions.length,
      visits: plans.reduce((sum, p) => sum + p.steps.length, 0),
      decisions: audit.length,
      refusals: seeded.reduce((sum, c) => sum + c.refusals, 0),
      backwardMoves: seeded.reduce((sum, c) => sum + c.backwardMoves, 0),
      suspensions: plans.filter((p) => p.steps.some((s) => s.to.suspension)).length,
      overdueNow: seeded.filter((c) => c.overdueNow).length,
    },
    period: { from: new Date(from).toISOString(), to: now.toISOString() },
  };
}

// ---------------------------------------------------------------- the plan (no I/O)

type PlanContext = {
  config: ProcessConfig;
  calendar: WorkCalendar;
  main: Stage[];
  suspension: Stage | undefined;
  random: Random;
  stations: number;
  from: number;
  to: number;
  /** Each stage's limit in working hours, looked up once. */
  limitHours: Map<Stage, number>;
};

function planStations(ctx: PlanContext): CardPlan[] {
  const { random, stations, from, to } = ctx;
  const inProgress = Math.round(stations * IN_PROGRESS_SHARE);
  const stalled = Math.max(1, Math.round(stations * STALLED_SHARE));
  const recent = Math.max(0, inProgress - stalled);
  const completed = stations - inProgress;
  const plans: Timeline[] = [];
  // Completed stations: more applications as the business grows (starts denser towards the end),
  // none in the last two weeks, so most of them are done by now (the latest still on their way).
  const lastStart = to - 14 * DAY;
  for (let j = 0; j < completed; j++) {
    const u = (j + random()) / Math.max(1, completed);
    const start = workingStart(ctx, from + Math.pow(u, 0.8) * (lastStart - from));
    // Every twelfth card goes back a stage once, others now and then.
    const steps = pathSteps(ctx, progress(ctx, start), j % 12 === 3 ? 'always' : 'maybe');
    plans.push({ steps: place(ctx, start, steps), start });
  }
  // Recent stations: somewhere along their way now.
  for (let j = 0; j < recent; j++) {
    const steps = pathSteps(ctx, 1, 'maybe');
    const total = steps.reduce((sum, s) => sum + s.hoursBefore, 0);
    const start = hoursBefore(ctx.calendar, to, total * (0.03 + 0.85 * random()));
    plans.push({ steps: place(ctx, start, steps), start });
  }
  // Stalled stations: stuck in a stage well past its limit (a client who does not sign, a stream
  // that does not come up), which is what «Просрочено» is for.
  for (let j = 0; j < stalled; j++) {
    const stuck = 1 + Math.floor(random() * 4); // «Сбор данных» … «Подключение»
    const steps = pathSteps(ctx, 1, 'never').slice(0, stuck + 1);
    const limitHours = ctx.limitHours.get(ctx.main[stuck]!) ?? 5 * ctx.calendar.hoursPerDay;
    const before = steps.reduce((sum, s) => sum + s.hoursBefore, 0);
    const start = hoursBefore(ctx.calendar, to, before + limitHours * (1.2 + random()));
    plans.push({ steps: place(ctx, start, steps), start });
  }
  plans.sort((a, b) => a.start - b.start);
  addSuspensions(ctx, plans);
  return plans.map(({ start, steps }, n) => {
    const plan: CardPlan = {
      n,
      start,
      parts: makeStation(n, random, new Date(start).getUTCFullYear()),
      // Drop what has not happened yet: those steps describe where the card is heading, not where it is.
      steps: steps.filter((s) => s.at <= to).map((s) => ({
        ...s,
        actionId: actionIdAt(s.at, random),
        ...(s.refusalAt !== undefined ? { refusalIds: [actionIdAt(s.refusalAt, random), actionIdAt(s.refusalAt, random)] as [string, string] } : {}),
      })),
    };
    datedContract(ctx, plan);
    return plan;
  });
}

/** Share of the period elapsed at `at`: 0 at its start, 1 now. */
function progress(ctx: PlanContext, at: number): number {
  return Math.min(1, Math.max(0, (at - ctx.from) / (ctx.to - ctx.from)));
}

/** The whole main path, create first; a backward move now and then; refusals rarer as the team learns. */
function pathSteps(ctx: PlanContext, elapsed: number, back: 'never' | 'maybe' | 'always'): Step[] {
  const { main, random } = ctx;
  const pace = 1 - IMPROVEMENT * elapsed;
  const refuseChance = 0.15 - 0.12 * elapsed;
  const steps: Step[] = [{ to: main[0]!, from: null, mover: ownerOf(ctx.config, main[0]!), hoursBefore: 0 }];
  const goesBack = back === 'always' || (back === 'maybe' && random() < 0.05);
  const backAt = goesBack ? 2 + Math.floor(random() * 3) : -1; // back from «Техническая экспертиза» … «Подключение»
  for (let k = 1; k < main.length; k++) {
    let hours = visitHours(ctx, main[k - 1]!, pace);
    if (k - 1 === backAt) {
      // Part of the visit, back one stage to redo something, a short redo, forward again.
      const first = hours * (0.2 + 0.4 * random());
      steps.push({ to: main[k - 2]!, from: main[k - 1]!, mover: ownerOf(ctx.config, main[k - 1]!), hoursBefore: first });
      steps.push({ to: main[k - 1]!, from: main[k - 2]!, mover: forwardMover(ctx.config, main, k - 1), hoursBefore: 0.5 * visitHours(ctx, main[k - 2]!, pace) });
      hours -= first;
    }
    const step: Step = { to: main[k]!, from: main[k - 1]!, mover: forwardMover(ctx.config, main, k), hoursBefore: hours };
    if (random() < refuseChance) step.refusal = { share: 0.3 + 0.6 * random(), variant: Math.floor(random() * 3) };
    steps.push(step);
  }
  return steps;
}

/** Working hours of one visit: log-normal around the typical share of the stage's limit. */
function visitHours(ctx: PlanContext, stage: Stage, pace: number): number {
  const limit = ctx.limitHours.get(stage) ?? ctx.calendar.hoursPerDay;
  return Math.max(0.25, TYPICAL_SHARE * limit * pace * Math.exp(VISIT_SPREAD * gaussian(ctx.random)));
}

/**
 * Times for the steps from `start`: each move when its working hours in the list it leaves have
 * passed. A move that falls late in the afternoon sometimes slips into the evening, on a Friday
 * sometimes to Saturday: people finish things at home.
 */
function place(ctx: PlanContext, start: number, steps: Step[]): Placed[] {
  let at = start;
  return steps.map((step, i) => {
    const refusalAt = step.refusal ? addWorkingTime(ctx.calendar, new Date(at), { hours: step.hoursBefore * step.refusal.share }).getTime() : undefined;
    if (i > 0) at = offHours(ctx, addWorkingTime(ctx.calendar, new Date(at), { hours: step.hoursBefore }).getTime());
    return { ...step, at, actionId: '', ...(refusalAt !== undefined ? { refusalAt } : {}) };
  });
}

/**
 * A few clients are suspended for debt some months after going live and resume after paying; the
 * last of them (with more than one) is still suspended now.
 */
function addSuspensions(ctx: PlanContext, plans: Timeline[]): void {
  const { suspension, main, random, calendar, to } = ctx;
  if (!suspension) return;
  const active = main.at(-1)!;
  const day = calendar.hoursPerDay;
  const wanted = Math.max(1, Math.round(ctx.stations * SUSPENDED_SHARE));
  const candidates = plans.filter((p) => {
    const done = p.steps.find((s) => s.to === active);
    return done && workingTimeBetween(calendar, new Date(done.at), new Date(to)).days > 40;
  });
  for (let i = 0; i < wanted && candidates.length > 0; i++) {
    const plan = candidates.splice(Math.floor(random() * candidates.length), 1)[0]!;
    const done = plan.steps.find((s) => s.to === active)!.at;
    const mover = membersOfRole(ctx.config, suspension.gate?.movers?.[0] ?? suspension.owner)[0]!;
    const back = membersOfRole(ctx.config, suspension.exit?.movers?.[0] ?? suspension.owner)[0]!;
    const stillSuspended = wanted > 1 && i === wanted - 1;
    const available = workingTimeBetween(calendar, new Date(done), new Date(to)).hours;
    const stay = stillSuspended ? day * (1 + 4 * random()) : day * (3 + 7 * random());
    const gap = stillSuspended ? available - stay : (available - stay - 5 * day) * (0.2 + 0.6 * random());
    // Still suspended: no evening slip, which could carry the move past now.
    const at = addWorkingTime(calendar, new Date(done), { hours: gap }).getTime();
    const into: Placed = { to: suspension, from: active, mover, hoursBefore: gap, at: stillSuspended ? at : offHours(ctx, at), actionId: '' };
    plan.steps.push(into);
    if (!stillSuspended) {
      plan.steps.push({ to: active, from: suspension, mover: back, hoursBefore: stay, at: addWorkingTime(calendar, new Date(into.at), { hours: stay }).getTime(), actionId: '' });
    }
  }
}

/** The contract is dated the day the director lets the card into «Подключение», or a day or two before. */
function datedContract(ctx: PlanContext, plan: CardPlan): void {
  const connection = ctx.main[4];
  const move = plan.steps.find((s) => s.to === connection);
  const at = move ? move.at - Math.floor(ctx.random() * 3) * DAY : plan.start;
  const date = localDate(ctx.calendar.timeZone, at);
  plan.parts.contractDrafted['contract.date'] = date;
  plan.parts.contractDrafted['contract.number'] = String(plan.parts.contractDrafted['contract.number']).replace(/-\d{4}\//, `-${date.slice(0, 4)}/`);
}

/** A start somewhere in the working hours of the day `at` falls on, or the next working day. */
function workingStart(ctx: PlanContext, at: number): number {
  return addWorkingTime(ctx.calendar, new Date(at), { hours: ctx.random() * ctx.calendar.hoursPerDay * 0.98 }).getTime();
}

/** The instant from which `hours` of working time have elapsed by `to` (a binary search; the calendar only counts forward). */
function hoursBefore(calendar: WorkCalendar, to: number, hours: number): number {
  let lo = to - (hours / calendar.hoursPerDay * 2 + 30) * DAY;
  let hi = to;
  for (let i = 0; i < 48 && hi - lo > 60_000; i++) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingTimeBetween(calendar, new Date(mid), new Date(to)).hours > hours) lo = mid;
    else hi = mid;
  }
  return addWorkingTime(calendar, new Date(hi), { hours: 1 / 60 }).getTime();
}

function offHours(ctx: PlanContext, at: number): number {
  const { minutes, weekday } = localClock(ctx.calendar.timeZone, at);
  if (minutes < ctx.calendar.end - 150 || ctx.random() > 0.25) return at;
  const evening = at + (ctx.calendar.end - minutes + 20 + ctx.random() * 200) * 60_000;
  return weekday === 5 && ctx.random() < 0.4 ? evening + (13 + ctx.random() * 4) * HOUR : evening;
}

// ---------------------------------------------------------------- who moves, and what the card holds

function ownerOf(config: ProcessConfig, stage: Stage): string {
  return firstMember(config, stage.owner);
}

/** Into main[k]: whom its gate allows, else the owner of the stage before, who hands the card on. */
function forwardMover(config: ProcessConfig, main: Stage[], k: number): string {
  const allowed = main[k]!.gate?.movers?.[0];
  return firstMember(config, allowed ?? main[k - 1]!.owner);
}

function firstMember(config: ProcessConfig, role: string): string {
  const member = membersOfRole(config, role)[0];
  if (!member) throw new Error(`seedHistory: role "${role}" has no member in the rules; the seeder needs one per role`);
  return member;
}

/**
 * What each gate of the default process asks for, by the main stage's index: the data the team
 * fills in during the visit before it. Index 6 and 7 ask for checklists (see checklistsUpTo).
 */
function dataUpTo(parts: StationParts, k: number): Record<string, unknown> {
  const order = [{}, parts.basics, parts.streams, parts.review, { ...parts.contractDrafted, ...parts.contractSignedAndPaid }, parts.live];
  return Object.assign({}, ...order.slice(0, k + 1));
}

/** The checklists a card in main[k] carries (the service adds a stage's on entry), complete before k. */
function checklistsUpTo(config: ProcessConfig, main: Stage[], k: number, lastDone: number): CardSnapshot['checklists'] {
  return main.slice(0, k + 1).flatMap((stage, i) => {
    const checklist = checklistForStage(config, stage.list);
    return checklist ? [{ name: checklist.name, items: checklist.items.map((item, j) => ({ name: item, complete: i < k || j < lastDone })) }] : [];
  });
}

/** The card as it was when someone tried (and failed) to move it into main[k]: one typical mistake. */
function refusedSnapshot(config: ProcessConfig, main: Stage[], parts: StationParts, k: number, variant: number): CardSnapshot {
  const data = dataUpTo(parts, k);
  const snapshot = (station: Record<string, unknown>, done = Infinity): CardSnapshot => ({
    name: parts.name, station, checklists: checklistsUpTo(config, main, k - 1, done),
  });
  const without = (...keys: string[]) => Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
  switch (k) {
    case 1: return snapshot(without('contact.phone', 'contact.email'));
    case 2: {
      const streams = (parts.streams.streams as Record<string, unknown>[]).map((s) => ({ ...s, sourceUrl: undefined, bitrate: variant === 0 ? undefined : s.bitrate }));
      return snapshot({ ...data, streams: variant === 2 ? [] : streams.map((s) => JSON.parse(JSON.stringify(s))) });
    }
    case 3: {
      if (variant === 0) return snapshot(without('tech.approved'));
      if (variant === 1) return snapshot(without('org.kpp', 'org.ogrn'));
      const inn = String(data['org.inn']);
      return snapshot({ ...data, 'org.inn': inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10) }); // a typo in the last digit
    }
    case 4: return snapshot(variant === 2 ? data : without('contract.signed', 'payment.received'));
    case 5: return snapshot(without('broadcast.live'));
    default: return snapshot(data, 2 + variant % 2); // the previous stage's checklist half done
  }
}

// ---------------------------------------------------------------- the board

type CreatedCard = { cardId: string; stage: Stage; data: Record<string, unknown> };

function createCards(sim: TrelloSimulator, board: DemoBoard, config: ProcessConfig, main: Stage[], plans: CardPlan[], random: Random): CreatedCard[] {
  const watched = sim.webhooks().some((w) => w.active && w.idModel === board.boardId);
  // Synchronous from here to loseDeliveries(null): nothing else acts on the board meanwhile, so only
  // these cards' actions are withheld from the service.
  if (watched) sim.loseDeliveries(() => true);
  try {
    return plans.map((plan) => {
      const last = plan.steps.at(-1)!;
      const k = last.to.side ? main.length - 1 : main.indexOf(last.to);
      const completed = k === main.length - 1;
      const data = dataUpTo(plan.parts, k);
      const cardId = sim.ui(last.mover).createCard(last.to.list, plan.parts.name);
      sim.ui(last.mover).setPluginData(cardId, { station: data });
      const checklists = checklistsUpTo(config, main, k, completed ? Infinity : Math.floor(random() * 3));
      for (const checklist of checklists) {
        sim.ui(board.members.gatekeeper.username).addChecklist(cardId, checklist.name, checklist.items.map((i) => i.name));
        const stage = main.find((s) => checklistForStage(config, s.list)?.name === checklist.name)!;
        for (const item of checklist.items) if (item.complete) sim.ui(ownerOf(config, stage)).checkItem(cardId, checklist.name, item.name);
      }
      return { cardId, stage: last.to, data };
    });
  } finally {
    if (watched) sim.loseDeliveries(null);
  }
}

// ---------------------------------------------------------------- Redis

type Decision = { at: number; entry: AuditEntry };

/** Every move of the plan as the worker judges it, by the real engine: accepted, or refused and moved back. */
function decisionsOf(config: ProcessConfig, board: DemoBoard, main: Stage[], plan: CardPlan, card: CreatedCard, rulesVersion: number | undefined): Decision[] {
  const random = mulberry32(plan.n + 7919);
  const list = (stage: Stage) => ({ id: listId(board, stage.list), name: stage.list });
  const judged = (movedAt: number) => movedAt + 150 + Math.floor(random() * 1350);
  const base = (movedAt: number, actionId: string, mover: string) => ({
    at: new Date(judged(movedAt)).toISOString(), actionId, boardId: board.boardId, cardId: card.cardId, cardName: plan.parts.name, mover, dryRun: false, movedAt: new Date(movedAt).toISOString(),
    ...(rulesVersion === undefined ? {} : { rulesVersion }),
  });
  const out: Decision[] = [];
  for (const [i, step] of plan.steps.entries()) {
    const k = step.to.side ? main.length - 1 : main.indexOf(step.to);
    if (step.refusal && step.refusalAt !== undefined && step.refusalIds && step.from) {
      const snapshot = refusedSnapshot(config, main, plan.parts, k, step.refusal.variant);
      const refusalMover = ownerOf(config, step.from);
      const decision = evaluate(config, { kind: 'move', fromList: step.from.list, toList: step.to.list, mover: refusalMover }, snapshot);
      if (decision.verdict !== 'deny') throw new Error(`seedHistory: «${plan.parts.name}» → «${step.to.list}» by ${refusalMover} was meant to be refused (variant ${step.refusal.variant}) but the rules say ${decision.verdict}`);
      const entry: AuditEntry = {
        ...base(step.refusalAt, step.refusalIds[0], refusalMover),
        from: list(step.from), to: list(step.to), verdict: 'reverted', reason: decision.failures[0]?.code ?? 'denied',
        failures: decision.failures, revertedTo: list(step.from),
      };
      out.push({ at: Date.parse(entry.at), entry });
      // The service's own move back comes in as a webhook too, and is audited as ignored.
      const back = Date.parse(entry.at) + 200 + Math.floor(random() * 600);
      const echo: AuditEntry = {
        ...base(back, step.refusalIds[1], board.members.gatekeeper.username),
        from: list(step.to), to: list(step.from), verdict: 'ignored', reason: 'own-action', failures: [], revertedTo: null,
      };
      out.push({ at: Date.parse(echo.at), entry: echo });
    }
    const snapshot: CardSnapshot = { name: plan.parts.name, station: dataUpTo(plan.parts, Math.max(k, 0)), checklists: checklistsUpTo(config, main, Math.max(k - 1, 0), Infinity) };
    const move = { kind: step.from ? ('move' as const) : ('create' as const), fromList: step.from?.list ?? null, toList: step.to.list, mover: step.mover };
    const decision = evaluate(config, move, snapshot);
    if (decision.verdict !== 'allow') {
      throw new Error(`seedHistory: «${plan.parts.name}» step ${i} ${move.fromList ?? '(created)'} → «${move.toList}» by ${move.mover} should pass but the rules say ${JSON.stringify(decision).slice(0, 300)}`);
    }
    const entry: AuditEntry = {
      ...base(step.at, step.actionId, step.mover),
      from: step.from ? list(step.from) : null, to: list(step.to), verdict: 'accepted', reason: decision.direction, failures: [], revertedTo: null,
    };
    out.push({ at: Date.parse(entry.at), entry });
  }
  return out;
}

/** Stage histories through the service's own store (its script closes each visit as the next opens). */
async function writeHistories(redis: Redis, prefix: string, board: DemoBoard, plans: CardPlan[], cards: CreatedCard[]): Promise<void> {
  const history = createStageHistory({ redis, prefix });
  const batch = 100;
  for (let i = 0; i < plans.length; i += batch) {
    await Promise.all(plans.slice(i, i + batch).map(async (plan, j) => {
      const card = cards[i + j]!;
      for (const step of plan.steps) {
        await history.enter(card.cardId, {
          stage: step.to.list,
          listId: listId(board, step.to.list),
          at: new Date(step.at).toISOString(),
          actionId: step.actionId,
          ...(step.to.suspension ? { kind: 'suspension' as const } : {}),
        });
      }
    }));
  }
}

/**
 * The board-wide stream (explicit ids: judged-at milliseconds, ascending) and each card's newest
 * 500 entries, under the keys createAuditLog uses. The stream only takes ids above its newest, so
 * this runs before any live decision.
 */
async function writeAudit(redis: Redis, prefix: string, decisions: Decision[]): Promise<void> {
  const streamKey = `${prefix}:audit`;
  const sorted = [...decisions].sort((a, b) => a.at - b.at);
  const newest = await redis.xrevrange(streamKey, '+', '-', 'COUNT', 1);
  const first = sorted[0];
  if (first && newest[0] && Number(newest[0][0].split('-')[0]) >= first.at) {
    throw new Error(`seedHistory: ${streamKey} already has entries up to ${newest[0][0]}, newer than the seed's first (${first.at}): seed before any live decision, or under a fresh prefix`);
  }
  const chunk = 1000;
  let lastMs = -1;
  let seq = 0;
  for (let i = 0; i < sorted.length; i += chunk) {
    const pipeline = redis.pipeline();
    for (const { at, entry } of sorted.slice(i, i + chunk)) {
      seq = at === lastMs ? seq + 1 : 0;
      lastMs = at;
      const id = `${at}-${seq}`;
      const json = JSON.stringify(entry);
      pipeline.xadd(streamKey, id, 'entry', json);
      // The card's copy names its stream id first, as createAuditLog's append writes it.
      pipeline.lpush(`${prefix}:card:${entry.cardId}:audit`, `{"streamId":"${id}",${json.slice(1)}`);
    }
    await pipeline.exec();
  }
  const cardKeys = [...new Set(sorted.map((d) => `${prefix}:card:${d.entry.cardId}:audit`))];
  const trim = redis.pipeline();
  for (const key of cardKeys) trim.ltrim(key, 0, 499);
  await trim.exec();
}

// ---------------------------------------------------------------- what was made

function summarise(config: ProcessConfig, calendar: WorkCalendar, main: Stage[], plan: CardPlan, card: CreatedCard, now: number): SeededCard {
  const active = main.at(-1)!;
  const done = plan.steps.find((s) => s.to === active);
  const last = plan.steps.at(-1)!;
  const limit = stageLimit(config, last.to.list);
  const inStage = workingTimeBetween(calendar, new Date(last.at), new Date(now)).hours;
  return {
    cardId: card.cardId,
    name: plan.parts.name,
    stage: last.to.list,
    startedAt: new Date(plan.steps[0]!.at).toISOString(),
    completedAt: done ? new Date(done.at).toISOString() : null,
    visits: plan.steps.length,
    refusals: plan.steps.filter((s) => s.refusal && s.refusalAt !== undefined).length,
    backwardMoves: plan.steps.filter((s) => s.from && !s.from.side && !s.to.side && main.indexOf(s.to) < main.indexOf(s.from)).length,
    suspended: plan.steps.some((s) => s.to.suspension),
    overdueNow: !done && !!limit && inStage > limit.hours && !!findStage(config, last.to.list),
  };
}

// ---------------------------------------------------------------- small helpers

/** Trello-like action ids: the move's time in seconds, then 16 hex digits. */
function actionIdAt(ms: number, random: Random): string {
  const tail = Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
  return Math.floor(ms / 1000).toString(16).padStart(8, '0') + tail;
}

function listId(board: DemoBoard, list: string): string {
  const id = board.lists[list];
  if (!id) throw new Error(`seedHistory: the board has no list «${list}»; seed the demo board (DEFAULT_DEMO_LISTS)`);
  return id;
}

function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function monthsBefore(now: Date, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function localClock(timeZone: string, at: number): { minutes: number; weekday: number } {
  let format = clocks.get(timeZone);
  if (!format) clocks.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })));
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!) };
}

const dates = new Map<string, Intl.DateTimeFormat>();

function localDate(timeZone: string, at: number): string {
  let format = dates.get(timeZone);
  if (!format) dates.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(at));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
