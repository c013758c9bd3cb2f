import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { encodeBody, signBody } from '../simulator/delivery/signed-body';

/**
 * The load generator of `npm run load`, run as a child process so that it does not share an event
 * loop with the service it measures. Reads a LoadPlan as JSON on stdin, fires signed webhook
 * deliveries at the plan's rate for its duration, and writes a LoadResult as JSON on stdout.
 */
export type LoadPlan = {
  url: string;
  /** Exactly the registered callbackURL: it is part of what is signed. */
  callbackUrl: string;
  appSecret: string;
  rate: number;
  seconds: number;
  connections: number;
  /** A delivery the simulator would send for one move; each request changes its action id, date and card. */
  template: { model: Record<string, unknown>; action: TemplateAction; webhook: Record<string, unknown> };
  cards: { id: string; name: string; idShort: number; shortLink: string }[];
};

type TemplateAction = Record<string, unknown> & { data: Record<string, unknown> & { card: Record<string, unknown> } };

export type LoadResult = {
  sent: number;
  answered: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

async function main(): Promise<void> {
  const plan = JSON.parse(await readStdin()) as LoadPlan;
  let n = 0;
  const result = await autocannon({
    url: plan.url,
    method: 'POST',
    connections: plan.connections,
    overallRate: plan.rate,
    duration: plan.seconds,
    timeout: 10,
    requests: [{
      setupRequest: (request) => {
        const body = encodeBody(delivery(plan, n++), false);
        const headers = { 'content-type': 'application/json', 'x-trello-webhook': signBody(plan.appSecret, body, plan.callbackUrl) };
        return { ...request, body, headers };
      },
    }],
  });
  const { latency } = result;
  const report: LoadResult = {
    sent: result.requests.sent,
    answered: result.requests.total,
    perSecond: Math.round(result.requests.average),
    latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, mean: latency.mean },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
  };
  process.stdout.write(JSON.stringify(report));
}

/** The n-th move: a new action (new id, now) of the template's kind, on the next card round robin. */
function delivery(plan: LoadPlan, n: number) {
  const card = plan.cards[n % plan.cards.length]!;
  const { action } = plan.template;
  return {
    model: plan.template.model,
    action: {
      ...action,
      id: trelloId(),
      date: new Date().toISOString(),
      data: { ...action.data, card: { ...action.data.card, id: card.id, name: card.name, idShort: card.idShort, shortLink: card.shortLink } },
    },
    webhook: plan.template.webhook,
  };
}

/** 24 hex like Trello's: creation second, then random. */
function trelloId(): string {
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + randomBytes(8).toString('hex');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
