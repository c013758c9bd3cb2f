import { ApiError, createApiClient, NoAnswerError } from '../../../powerup/data/api-client';
import { problemText } from '../../../powerup/model/vault-model';
import { localized } from '../support/localize';

type Sent = { url: string; method: string; headers: Record<string, string>; body: string | undefined };

function client(answer: { status: number; body: unknown }) {
  const sent: Sent[] = [];
  const fetch = (async (input: string, init: RequestInit) => {
    sent.push({ url: input, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | undefined });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { api: createApiClient({ baseUrl: 'https://gk.example/api/', token: async () => 'jwt', fetch }), sent };
}

const ANSWER = { rights: { view: true, edit: true, share: false, audit: false }, entries: [], holders: { view: [], edit: [] } };
const FIELDS = { label: 'Icecast source', login: 'source', secret: 's3cret', url: '', note: '' };

describe('the API client', () => {
  it('sends GETs as before: no body, no Content-Type', async () => {
    const { api, sent } = client({ status: 200, body: ANSWER });
    await api.vault('card 1');
    expect(sent).toEqual([{ url: 'https://gk.example/api/cards/card%201/vault', method: 'GET', headers: { Authorization: 'Bearer jwt', Accept: 'application/json' }, body: undefined }]);
  });

  it('sends a new entry as JSON and takes the 201', async () => {
    const { api, sent } = client({ status: 201, body: ANSWER });
    await expect(api.addVaultEntry('c1', FIELDS)).resolves.toEqual(ANSWER);
    expect(sent[0]).toMatchObject({ url: 'https://gk.example/api/cards/c1/vault/entries', method: 'POST', body: JSON.stringify(FIELDS) });
    expect(sent[0]!.headers['Content-Type']).toBe('application/json');
  });

  it('changes with PUT, deletes with DELETE, reveals with the purpose, pages the access log', async () => {
    const { api, sent } = client({ status: 200, body: ANSWER });
    await api.updateVaultEntry('c1', 'e/1', FIELDS);
    await api.deleteVaultEntry('c1', 'e1');
    await api.revealVaultEntry('c1', 'e1', 'copy');
    await api.vaultAccess('c1');
    await api.vaultAccess('c1', '17-0');
    await api.vaultBoardAccess('b 1');
    await api.vaultBoardAccess('b1', '17-0', 25);
    expect(sent.map((s) => [s.method, s.url.replace('https://gk.example/api/', ''), s.body])).toEqual([
      ['PUT', 'cards/c1/vault/entries/e%2F1', JSON.stringify(FIELDS)],
      ['DELETE', 'cards/c1/vault/entries/e1', undefined],
      ['POST', 'cards/c1/vault/entries/e1/reveal', '{"purpose":"copy"}'],
      ['GET', 'cards/c1/vault/access', undefined],
      ['GET', 'cards/c1/vault/access?cursor=17-0', undefined],
      ['GET', 'boards/b%201/vault/access', undefined],
      ['GET', 'boards/b1/vault/access?limit=25&cursor=17-0', undefined],
    ]);
  });

  it('shares entries with «Отправить клиенту»: the entries and the delivery as JSON, the 201 taken', async () => {
    const answer = { expiresAt: '2026-11-30T11:03:00.000Z', ticked: true, url: 'https://gk.example/access/abc' };
    const { api, sent } = client({ status: 201, body: answer });
    await expect(api.shareVault('c1', ['e1', 'e2'], 'copy')).resolves.toEqual(answer);
    expect(sent[0]).toMatchObject({ url: 'https://gk.example/api/cards/c1/vault/share', method: 'POST', body: '{"entryIds":["e1","e2"],"delivery":"copy"}' });
    const refused = client({ status: 409, body: { error: 'no_contact_email', message: 'the card has no valid technical contact e-mail (contact.email)' } });
    await expect(refused.api.shareVault('c1', ['e1'], 'email')).rejects.toMatchObject({ status: 409, body: { error: 'no_contact_email' } });
  });

  it('throws the server’s answer on a refusal, with its message', async () => {
    const { api } = client({ status: 400, body: { error: 'invalid_entry', message: 'label: a label is required' } });
    const err = await api.addVaultEntry('c1', { ...FIELDS, label: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, body: { error: 'invalid_entry' }, message: '[api] POST cards/c1/vault/entries answered 400: label: a label is required' });
  });

  it('keeps the no-body POSTs as they were', async () => {
    const { api, sent } = client({ status: 409, body: { moved: false, to: null, failures: [] } });
    await api.nextStage('c1');
    expect(sent[0]).toEqual({ url: 'https://gk.example/api/cards/c1/next-stage', method: 'POST', headers: { Authorization: 'Bearer jwt', Accept: 'application/json' }, body: undefined });
  });
});

describe('a server that does not answer', () => {
  it('fails the call after the time allowed, as a failure to reach the server, naming the request', async () => {
    // A fetch that hangs until it is aborted, as one to a server that took the connection and went quiet.
    const hanging = ((_input: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ baseUrl: 'https://gk.example/api/', token: async () => 'jwt', fetch: hanging, timeoutMs: 50 });
    const err = await api.addVaultEntry('c1', FIELDS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoAnswerError);
    // The views' «no connection» branch takes fetch's TypeError: this is one.
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('[api] POST cards/c1/vault/entries: no answer within 0.05 s');
    expect(localized(problemText(err))).toBe('нет связи с сервером Gatekeeper; проверьте интернет и попробуйте ещё раз');
  });

  it('leaves other failures as they are', async () => {
    const offline = (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ baseUrl: 'https://gk.example/api/', token: async () => 'jwt', fetch: offline });
    await expect(api.vault('c1')).rejects.toThrow(new TypeError('Failed to fetch'));
  });
});
