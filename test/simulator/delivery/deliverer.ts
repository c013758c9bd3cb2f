import type { SimState } from '../state/sim-state';
import type { WebhookRecord } from '../state/records';
import type { DeliveryRecord, TrelloAction } from '../types';
import { webhookJson } from '../serialize/webhook-json';
import { callUrl } from './call-url';
import { encodeBody, signBody } from './signed-body';
import { modelSnapshot } from './model-snapshot';

export type DelivererOptions = {
  appSecret: string;
  retryDelaysMs: number[];
  timeoutMs: number;
  disableAfterFailures: number;
  escapeJson: boolean;
  log: (line: string) => void;
};

type Job = { action: TrelloAction; model: Record<string, unknown>; attempt: number };

/**
 * Posts every action to each active webhook watching one of its models (docs/trello-reference.md §1.4, §7).
 * Each webhook has a FIFO sent one request at a time, so deliveries arrive in action
 * order. A failed attempt is retried after `retryDelaysMs[n]` by re-queueing it at the
 * back of the FIFO: the queue moves on meanwhile, so a retried action can arrive after
 * later ones — consumers must not rely on order across failures (Trello promises none).
 */
export class Deliverer {
  private readonly queues = new Map<string, Job[]>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private closed = false;
  /** Chaos: actions this says yes to are never delivered, as if Trello lost them. */
  lose: ((action: TrelloAction) => boolean) | null = null;
  readonly lost: TrelloAction[] = [];

  constructor(
    private readonly state: SimState,
    private readonly options: DelivererOptions,
    private readonly records: DeliveryRecord[],
    private readonly signal: AbortSignal,
  ) {
    state.onAction((action, modelIds) => this.enqueue(action, modelIds));
  }

  /** Queued, in flight, or waiting for a retry timer. */
  pending(): number {
    let queued = 0;
    for (const queue of this.queues.values()) queued += queue.length;
    return queued + this.inFlight.size + this.timers.size;
  }

  idle(): Promise<void> {
    if (this.closed || this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
    await Promise.allSettled(this.inFlight.values());
    this.settle();
  }

  private enqueue(action: TrelloAction, modelIds: string[]): void {
    if (this.closed) return;
    if (this.lose?.(action)) {
      this.lost.push(action);
      return;
    }
    for (const webhook of this.state.webhooks.values()) {
      if (!webhook.active || !modelIds.includes(webhook.idModel)) continue;
      // The model is captured now, "the updated model" right after this action (docs/trello-reference.md §1.5).
      this.push(webhook.id, { action, model: modelSnapshot(this.state, webhook.idModel), attempt: 1 });
    }
  }

  private push(webhookId: string, job: Job): void {
    const queue = this.queues.get(webhookId) ?? [];
    queue.push(job);
    this.queues.set(webhookId, queue);
    this.pump(webhookId);
  }

  private pump(webhookId: string): void {
    if (this.closed || this.inFlight.has(webhookId)) return;
    const queue = this.queues.get(webhookId) ?? [];
    const webhook = this.state.webhooks.get(webhookId);
    const job = queue.shift();
    if (queue.length === 0 || !webhook?.active) this.queues.delete(webhookId);
    if (!job || !webhook?.active) {
      this.settle();
      return;
    }
    const sending = this.attempt(webhook, job).finally(() => {
      this.inFlight.delete(webhookId);
      this.pump(webhookId);
    });
    this.inFlight.set(webhookId, sending);
  }

  private async attempt(webhook: WebhookRecord, job: Job): Promise<void> {
    const { callbackURL } = webhook;
    const body = encodeBody({ model: job.model, action: job.action, webhook: webhookJson(webhook) }, this.options.escapeJson);
    const record: DeliveryRecord = {
      actionId: job.action.id,
      actionType: job.action.type,
      webhookId: webhook.id,
      callbackURL,
      attempt: job.attempt,
      at: 0,
    };
    try {
      record.status = await callUrl({
        method: 'POST',
        url: callbackURL,
        headers: { 'content-type': 'application/json', 'x-trello-webhook': signBody(this.options.appSecret, body, callbackURL) },
        body,
        timeoutMs: this.options.timeoutMs,
        signal: this.signal,
      });
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    if (this.closed) return;
    record.at = this.state.now();
    this.records.push(record);
    this.options.log(
      `[simulator] delivery ${job.action.type} ${job.action.id} → ${callbackURL} attempt ${job.attempt}: ${record.status ?? record.error}`,
    );
    this.handleOutcome(webhook, job, record.status);
  }

  private handleOutcome(webhook: WebhookRecord, job: Job, status: number | undefined): void {
    if (this.state.webhooks.get(webhook.id) !== webhook) return; // deleted while the request was out
    if (status !== undefined && status >= 200 && status < 300) {
      webhook.consecutiveFailures = 0;
      webhook.firstConsecutiveFailDate = null;
      return;
    }
    if (status === 410) {
      // docs/trello-reference.md §1.4: "receives an HTTP 410 Gone response, the webhook will be deleted".
      this.state.webhooks.delete(webhook.id);
      this.queues.delete(webhook.id);
      this.options.log(`[simulator] webhook ${webhook.id} deleted after 410`);
      return;
    }
    webhook.consecutiveFailures += 1;
    webhook.firstConsecutiveFailDate ??= this.state.nowIso();
    if (webhook.consecutiveFailures >= this.options.disableAfterFailures) {
      webhook.active = false;
      this.queues.delete(webhook.id);
      this.options.log(`[simulator] webhook ${webhook.id} disabled after ${webhook.consecutiveFailures} failures`);
      return;
    }
    this.scheduleRetry(webhook.id, job);
  }

  private scheduleRetry(webhookId: string, job: Job): void {
    const delay = this.options.retryDelaysMs[job.attempt - 1];
    if (delay === undefined) return; // docs/trello-reference.md §1.4: 3 retries, then Trello gives up on this action.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.push(webhookId, { ...job, attempt: job.attempt + 1 });
    }, delay);
    this.timers.add(timer);
  }

  private settle(): void {
    if (!this.closed && this.pending() > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
