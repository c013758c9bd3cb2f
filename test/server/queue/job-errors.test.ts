import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { logJobFailure, parseJobData, toJobError } from '../../../server/queue/job-errors';
import { PermanentError } from '../../../server/queue/permanent-error';
import { TrelloRetryableError, TrelloUnrecoverableError } from '../../../server/trello/errors';
import { deleteKeys, testRedis, uniquePrefix } from '../../helpers/redis';
import { recordedLog } from '../../helpers/recorded-log';
import { until } from '../../helpers/until';

const failure = { status: 404, method: 'GET', path: '/1/cards/c1', detail: 'not found' };

describe('which job errors end the job', () => {
  it('a permanent error becomes unrecoverable, keeping its code and the error itself as cause', () => {
    const err = new PermanentError('first_stage_list_missing', 'board b1 has no open list named "Новая заявка"');
    const jobError = toJobError(err);
    expect(jobError).toBeInstanceOf(UnrecoverableError);
    expect(jobError).toMatchObject({ message: err.message, code: 'first_stage_list_missing', cause: err });
  });

  it("Trello's 4xx becomes unrecoverable too; a retryable Trello error and an unforeseen one are left to retry", () => {
    const gone = new TrelloUnrecoverableError({ ...failure, code: 'trello_not_found' }, 1, 'deleted');
    expect(toJobError(gone)).toMatchObject({ code: 'trello_not_found', cause: gone });
    const busy = new TrelloRetryableError({ ...failure, status: 429, code: 'trello_rate_limited' }, 5, 'later');
    expect(toJobError(busy)).toBe(busy);
    const odd = new Error('connection reset');
    expect(toJobError(odd)).toBe(odd);
  });

  it('a payload that does not parse is a permanent error naming the job', () => {
    const job = { id: '7', name: 'card-event', data: { actionId: 1 } };
    expect(() => parseJobData(z.object({ actionId: z.string() }), job)).toThrow(PermanentError);
    expect(() => parseJobData(z.object({ actionId: z.string() }), job)).toThrow(/job 7 \(card-event\) has a malformed payload/);
    expect(parseJobData(z.object({ actionId: z.number() }), job)).toEqual({ actionId: 1 });
  });
});

describe('a BullMQ worker using them', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('job-errors');
  const closers: Array<() => Promise<unknown>> = [];

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  async function run(name: string, fail: () => Error): Promise<{ job: Job; warn: number; error: Array<Record<string, unknown>> }> {
    const { log, at } = recordedLog();
    const queue = new Queue(name, { connection: redis, prefix });
    const workerRedis = testRedis(); // a worker blocks on its connection: not the shared one
    const worker = new Worker(
      name,
      async (job) => {
        try {
          throw fail();
        } catch (err) {
          const jobError = toJobError(err);
          logJobFailure(log, job, jobError, 'test job failed');
          throw jobError;
        }
      },
      { connection: workerRedis, prefix },
    );
    closers.push(() => workerRedis.quit(), () => queue.close(), () => worker.close());
    const added = await queue.add(name, {}, { attempts: 3, backoff: { type: 'fixed', delay: 0 } });
    await until(`${name} has failed for good`, async () => (await queue.getJobState(added.id!)) === 'failed');
    const job = (await queue.getJob(added.id!))!;
    return { job, warn: at('warn').length, error: at('error') };
  }

  it('a configuration problem fails at the first attempt and is logged once, as an error with its code', async () => {
    const { job, warn, error } = await run('permanent', () => new PermanentError('first_stage_list_missing', 'board b1 has no open list'));
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('board b1 has no open list');
    expect(warn).toBe(0);
    expect(error).toEqual([expect.objectContaining({ code: 'first_stage_list_missing', attempt: 1, willRetry: false })]);
  });

  it('anything else is retried: a warning per retried attempt, an error on the last', async () => {
    const { job, warn, error } = await run('transient', () => new Error('connection reset'));
    expect(job.attemptsMade).toBe(3);
    expect(warn).toBe(2);
    expect(error).toEqual([expect.objectContaining({ attempt: 3, attempts: 3, willRetry: false })]);
  });
});
