import express from 'express';
import request from 'supertest';
import { apiErrorHandler, ApiError } from '../../../server/powerup-api/api-errors';
import { JwtKeysUnavailableError, PowerUpAuthError } from '../../../server/powerup-api/powerup-auth-error';
import { createTrelloError } from '../../../server/trello/errors';
import { captureLog } from '../trello/trello-test-kit';

/** An app whose one route fails with `err`, behind the API's error handler. */
function failingWith(err: Error) {
  const captured = captureLog();
  const app = express();
  app.get('/api/x', () => {
    throw err;
  });
  app.use('/api', apiErrorHandler(captured.log));
  app.use(((_err, _req, res, _next) => void res.status(500).json({ error: 'internal' })) as express.ErrorRequestHandler);
  return { app, ...captured };
}
const trelloFailure = (status: number, code: 'trello_not_found' | 'trello_rate_limited' | 'trello_forbidden') =>
  createTrelloError({ code, status, method: 'GET', path: '/1/cards/c1', detail: '' }, 1);

describe('how /api answers a failure', () => {
  it('logs a refused token at info with the code of the failed check and answers 401 naming it', async () => {
    const { app, lines } = failingWith(new PowerUpAuthError('expired'));
    const res = await request(app).get('/api/x');

    expect([res.status, res.body]).toEqual([401, { error: 'unauthorized', message: 'token expired' }]);
    expect(lines()).toEqual([expect.objectContaining({ level: 30, code: 'expired', msg: 'power-up token refused' })]);
  });

  it("answers 503 when Trello's keys cannot be fetched: retrying later may work", async () => {
    const res = await request(failingWith(new JwtKeysUnavailableError('timeout')).app).get('/api/x');
    expect([res.status, res.body.error]).toEqual([503, 'keys_unavailable']);
  });

  it('answers a refusal with its own status and code', async () => {
    const res = await request(failingWith(new ApiError(403, 'not_a_member', 'only members')).app).get('/api/x');
    expect([res.status, res.body]).toEqual([403, { error: 'not_a_member', message: 'only members' }]);
  });

  it('turns Trello failures into 404, 503 (worth a retry) or 502', async () => {
    const statuses = await Promise.all(
      [trelloFailure(404, 'trello_not_found'), trelloFailure(429, 'trello_rate_limited'), trelloFailure(403, 'trello_forbidden')].map(
        async (err) => (await request(failingWith(err).app).get('/api/x')).status,
      ),
    );
    expect(statuses).toEqual([404, 503, 502]);
  });

  it('leaves anything else to the app as an internal error', async () => {
    expect((await request(failingWith(new Error('bug')).app).get('/api/x')).status).toBe(500);
  });
});
