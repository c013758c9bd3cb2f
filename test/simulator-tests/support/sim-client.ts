import request from 'supertest';
import type { TrelloAction, TrelloSimulator } from '../../simulator';

/** supertest against the running simulator, authenticated as one token. */
export function simClient(sim: TrelloSimulator, token: string) {
  const auth = { key: sim.key, token };
  const api = request(sim.url);
  return {
    get: (path: string, query: Record<string, string> = {}) => api.get(`/1${path}`).query({ ...query, ...auth }),
    put: (path: string, query: Record<string, string> = {}) => api.put(`/1${path}`).query({ ...query, ...auth }),
    post: (path: string, query: Record<string, string> = {}) => api.post(`/1${path}`).query({ ...query, ...auth }),
    delete: (path: string) => api.delete(`/1${path}`).query(auth),
  };
}

/** Creates a webhook through REST and fails the test if Trello would have refused it. */
export async function createWebhook(
  sim: TrelloSimulator,
  token: string,
  body: { callbackURL: string; idModel: string; description?: string },
): Promise<{ id: string }> {
  const res = await simClient(sim, token).post('/webhooks').send(body);
  if (res.status !== 200) throw new Error(`webhook refused: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

/** Parses a delivered body. */
export function envelopeOf(raw: Buffer): { model: Record<string, unknown>; action: TrelloAction; webhook: Record<string, unknown> } {
  return JSON.parse(raw.toString('utf8')) as ReturnType<typeof envelopeOf>;
}
