import type { Browser } from 'playwright-core';
import type { VaultAnswer } from '../../powerup/model/api-contract';
import type { DemoMemberRole } from '../simulator/types';
import { createAccessLog } from '../../server/vault/access-log';
import { until } from '../helpers/until';
import { launchBrowser, openHost } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { stationCard } from './support/station-cards';
import { openSummary, sidewaysOverflow } from './support/summary';

jest.setTimeout(90_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-vault-board-log')]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const ROWS = '[data-section="vault-access"] tbody tr';

/** The Power-Up API as `member` would call it from the card back. */
async function api<T>(member: DemoMemberRole, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const jwt = await stack.sim.mintPowerUpJwt({ idMember: stack.board.members[member].id, idBoard: stack.board.boardId });
  const headers: Record<string, string> = { Authorization: `Bearer ${jwt}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  const response = await fetch(`${stack.serviceUrl}/api/${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as T };
}

async function addEntry(cardId: string, label: string, secret: string): Promise<string> {
  const answer = await api<VaultAnswer>('engineer', 'POST', `cards/${cardId}/vault/entries`, { label, login: 'source', secret, url: '', note: '' });
  expect(answer.status).toBe(201);
  return answer.body.entries.find((e) => e.label === label)!.id;
}

async function reveal(cardId: string, entryId: string, purpose: 'reveal' | 'copy'): Promise<void> {
  const answer = await api<{ secret: string }>('engineer', 'POST', `cards/${cardId}/vault/entries/${entryId}/reveal`, { purpose });
  expect(answer.status).toBe(200);
}

/** Two station cards with credentials, set up by the engineer through the API; a client's link opened on the second. */
let key: { id: string; name: string };
let wave: { id: string; name: string };
let hostCards: ReturnType<typeof stationCard>[];

beforeAll(async () => {
  const keyCard = stationCard(stack, 'Радио Ключ', 'Техническая экспертиза');
  const waveCard = stationCard(stack, 'Волна FM', 'Техническая экспертиза');
  hostCards = [keyCard, waveCard];
  key = { id: keyCard.id, name: keyCard.name };
  wave = { id: waveCard.id, name: waveCard.name };
  const icecast = await addEntry(key.id, 'Icecast source', 'hackme-42');
  const stats = await addEntry(key.id, 'Панель статистики', 'stats-pass-7');
  // Enough older reveals for a second page: the section shows 25 at a time.
  for (let i = 0; i < 24; i += 1) await reveal(key.id, stats, 'reveal');
  const srt = await addEntry(wave.id, 'SRT-поток', 'srt-secret-1');
  await reveal(wave.id, srt, 'copy');
  await reveal(key.id, icecast, 'reveal');
  await createAccessLog({ redis: stack.redis, prefix: stack.prefix }).record({
    action: 'link-opened',
    boardId: stack.board.boardId,
    cardId: wave.id,
    entryIds: [srt],
    recipient: 'tech@volna.example',
  });
}, 60_000);

describe('«Доступы: журнал» in «Сводка»', () => {
  it('shows the director the whole board’s access log, newest first, pages on, and opens a card by its name', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: hostCards, viewport: DESKTOP });
    const { frame } = await openSummary(host);
    const section = frame.locator('[data-section="vault-access"]');
    await section.getByRole('heading', { name: 'Доступы: журнал' }).waitFor();
    const rows = frame.locator(ROWS);
    await until('the first page is shown', async () => (await rows.count()) === 25);
    const cells = (n: number) => rows.nth(n).locator('td').allTextContents();
    // Newest first: the client's opening (no member: «—»), the reveal, the copy on the other card.
    await expect(cells(0)).resolves.toEqual([expect.stringMatching(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/), '—', 'Клиент открыл ссылку для tech@volna.example (1 доступ)', 'Волна FM']);
    await expect(cells(1)).resolves.toEqual([expect.any(String), 'Евгений Инженеров', 'показ пароля «Icecast source»', 'Радио Ключ']);
    await expect(cells(2)).resolves.toEqual([expect.any(String), 'Евгений Инженеров', 'копирование пароля «SRT-поток»', 'Волна FM']);
    await expect(cells(3)).resolves.toEqual([expect.any(String), 'Евгений Инженеров', 'добавление «SRT-поток»', 'Волна FM']);
    await expect(cells(4)).resolves.toEqual([expect.any(String), 'Евгений Инженеров', 'показ пароля «Панель статистики»', 'Радио Ключ']);
    await host.screenshot('summary-vault-log-desktop');

    // «Показать ещё»: the older ones, down to the first entry added.
    await section.getByRole('button', { name: 'Показать ещё' }).click();
    await until('the second page is shown', async () => (await rows.count()) === 30);
    await expect(cells(29)).resolves.toEqual([expect.any(String), 'Евгений Инженеров', 'добавление «Icecast source»', 'Радио Ключ']);
    await expect(section.getByRole('button', { name: 'Показать ещё' }).isHidden()).resolves.toBe(true);
    expect(host.requests.filter((r) => r.path === `/api/boards/${stack.board.boardId}/vault/access`)).toHaveLength(2);

    // A card's name opens the card with t.showCard.
    await rows.nth(0).getByRole('button', { name: 'Волна FM' }).click();
    await until('the card is shown', async () => (await host.page.evaluate(() => window.gkHost.shownCards())).includes(wave.id));
    expect(await host.page.evaluate(() => window.gkHost.shownCards())).toEqual([wave.id]);
    expect(host.errors).toEqual([]);
  });

  it('stacks each line on a 360 px phone, and nothing scrolls the page sideways', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: hostCards, viewport: PHONE });
    const { frame } = await openSummary(host);
    await frame.locator(ROWS).first().waitFor();
    await frame.locator('[data-section="decisions"]').waitFor();
    expect(await sidewaysOverflow(host)).toBeLessThanOrEqual(0);
    await frame.locator('[data-section="vault-access"]').scrollIntoViewIfNeeded();
    await host.screenshot('summary-vault-log-360');
    expect(host.errors).toEqual([]);
  });

  it('says why the log did not load, and loads it on «Повторить»', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP });
    await host.page.route('**/api/boards/*/vault/access*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal","message":"Redis is down"}' }));
    const { frame } = await openSummary(host);
    const section = frame.locator('[data-section="vault-access"]');
    await section.getByText('Журнал не загрузился: Redis is down').waitFor();
    await host.screenshot('summary-vault-log-error');
    await host.page.unroute('**/api/boards/*/vault/access*');
    await section.getByRole('button', { name: 'Повторить' }).click();
    await until('the first page is shown', async () => (await frame.locator(ROWS).count()) === 25);
    // Cards the host board does not show are still named, from the summary's pipeline.
    await expect(frame.locator(ROWS).first().locator('.gk-card-link').textContent()).resolves.toBe('Волна FM');
    await expect(section.getByRole('button', { name: 'Повторить' }).isHidden()).resolves.toBe(true);
    expect(host.errors).toEqual([]);
  });

  it('names a card deleted in Trello by the name its last line kept, as text: there is no card to open', async () => {
    const gone = '5a0000000000000000000c99';
    const log = createAccessLog({ redis: stack.redis, prefix: stack.prefix });
    const engineer = stack.board.members.engineer;
    const manager = stack.board.members.manager;
    await log.record({ action: 'reveal', boardId: stack.board.boardId, cardId: gone, entryId: 'gone-1', memberId: engineer.id, username: engineer.username });
    await log.record({
      action: 'card-deleted', boardId: stack.board.boardId, cardId: gone, entryIds: ['gone-1', 'gone-2'],
      memberId: manager.id, username: manager.username, cardName: 'Радио Ушедшее',
    });
    const host = await openHost(browser, stack, { member: 'director', cards: hostCards, viewport: DESKTOP });
    const { frame } = await openSummary(host);
    const rows = frame.locator(ROWS);
    await until('the first page is shown', async () => (await rows.count()) === 25);
    await expect(rows.nth(0).locator('td').allTextContents()).resolves.toEqual([
      expect.any(String), manager.fullName, 'карточка удалена в Trello, доступы стёрты (2 доступа)', 'Радио Ушедшее',
    ]);
    await expect(rows.nth(1).locator('td').allTextContents()).resolves.toEqual([expect.any(String), engineer.fullName, 'показ пароля (запись удалена)', 'Радио Ушедшее']);
    await expect(rows.nth(0).locator('.gk-card-link').count()).resolves.toBe(0);
    await expect(rows.nth(1).locator('.gk-card-link').count()).resolves.toBe(0);
    await frame.locator('[data-section="vault-access"]').scrollIntoViewIfNeeded();
    await host.screenshot('summary-vault-log-deleted-card');
    expect(host.errors).toEqual([]);
  });

  it('is not there for the manager, who holds no `audit` right (the API answers 403)', async () => {
    const host = await openHost(browser, stack, { member: 'manager', cards: [], viewport: DESKTOP });
    const answered = host.page.waitForResponse((r) => r.url().includes('/vault/access'));
    const { frame } = await openSummary(host);
    expect((await answered).status()).toBe(403);
    await frame.locator('[data-section="decisions"]').waitFor();
    // A period change draws the page again: the section stays away.
    await frame.getByRole('button', { name: '12 месяцев' }).click();
    await until('the period is drawn', async () => (await frame.getByRole('button', { name: '12 месяцев' }).getAttribute('aria-pressed')) === 'true');
    await expect(frame.locator('[data-section="vault-access"]').count()).resolves.toBe(0);
    await expect(frame.getByText('Доступы: журнал').count()).resolves.toBe(0);
    await host.screenshot('summary-vault-log-manager');
    expect(host.errors).toEqual([]);
  });
});
