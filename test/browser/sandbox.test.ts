import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Redis } from 'ioredis';
import { TEST_REDIS_URL, testRedis, uniquePrefix } from '../helpers/redis';
import { testLog } from '../helpers/silent-log';
import { startSandbox, type Sandbox } from '../sandbox/start-sandbox';
import { launchBrowser, SCREENSHOTS } from './support/open-host';

jest.setTimeout(90_000);

let browser: Browser;
let sandbox: Sandbox;
let redis: Redis;
beforeAll(async () => {
  redis = testRedis();
  [browser, sandbox] = await Promise.all([
    launchBrowser(),
    startSandbox({ redisUrl: TEST_REDIS_URL, redis, prefix: uniquePrefix('browser-sandbox'), log: testLog() }),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  await redis?.quit();
});

/** The sandbox's board page as `member`, once it has drawn the board with the Power-Up's badges. */
async function openBoard(member: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ru-RU' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${sandbox.url}?member=${member}`);
  await page.locator('body[data-sandbox-ready="true"]').waitFor();
  return { page, errors };
}

const column = (page: Page, list: string) => page.locator('.list').filter({ has: page.locator('h3', { hasText: new RegExp(`^${list}$`) }) });
const tile = (page: Page, cardId: string) => page.locator(`.card[data-card-id="${cardId}"]`);

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: resolve(SCREENSHOTS, `sandbox-${name}.png`) });
}

describe('npm run sandbox', () => {
  it('reverts a ready card the manager drags into «Подключение», and shows the comment', async () => {
    const [romashka] = sandbox.stationIds;
    const { page, errors } = await openBoard('manager');
    await expect(page.getByTestId('member-switch').inputValue()).resolves.toBe('manager');
    await tile(page, romashka!).locator('[data-testid="badge"]').first().waitFor();
    await screenshot(page, 'board');

    await tile(page, romashka!).dragTo(column(page, 'Подключение'));
    const notice = page.locator('.sandbox-notice.refused');
    await notice.waitFor();
    await expect(notice.locator('.title').textContent()).resolves.toBe('Перенос отменён: карточка «Радио Ромашка» возвращена в «Договор и оплата»');
    await expect(column(page, 'Договор и оплата').locator(`.card[data-card-id="${romashka}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'refused');

    await tile(page, romashka!).click();
    const comments = page.getByTestId('card-comment');
    await comments.first().waitFor();
    await expect(comments.first().locator('.text').textContent()).resolves.toBe(await notice.locator('.text').textContent());
    await page.frameLocator('iframe[name="card-back-section"]').locator('body').waitFor();
    await screenshot(page, 'card');
    expect(errors).toEqual([]);
  });

  it('keeps the card the director drags into «Подключение», and the engineer is told', async () => {
    const [, landysh] = sandbox.stationIds;
    const { page, errors } = await openBoard('director');
    await tile(page, landysh!).locator('[data-testid="badge"]').first().waitFor();
    await tile(page, landysh!).dragTo(column(page, 'Подключение'));
    const notice = page.getByTestId('bot-notice').filter({ hasText: 'Радио Ландыш' });
    await notice.first().waitFor();
    await expect(notice.first().getAttribute('class')).resolves.not.toContain('refused');
    await expect(notice.first().locator('.text').textContent()).resolves.toMatch(/engineer|Инженер/i);
    await expect(column(page, 'Подключение').locator(`.card[data-card-id="${landysh}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'director-moved');

    // The director's «Сводка» has the year of history.
    await page.getByRole('button', { name: 'Сводка' }).click();
    await page.frameLocator('iframe[name="modal"]').locator('body').waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'summary');

    // A card in the summary's pipeline opens over it, with its comments, as a card clicked on the board.
    await page.frameLocator('iframe[name="modal"]').getByRole('button', { name: 'Радио Ландыш' }).first().click();
    await page.locator('#card-layer').getByTestId('card-comment').first().waitFor();
    await expect(page.locator('#card-layer h2').textContent()).resolves.toBe('Радио Ландыш');
    await screenshot(page, 'summary-card');
    expect(errors).toEqual([]);
  });

  it('lets the engineer fill the form, press «Следующий этап» and tick the checklist the service adds', async () => {
    const [, landysh] = sandbox.stationIds;
    const { page, errors } = await openBoard('engineer');
    await tile(page, landysh!).click();
    const form = page.frameLocator('iframe[name="card-back-section"]');
    await form.getByLabel('Потоки заведены в вещательную инфраструктуру').check();
    // «Следующий этап» is judged on what the simulator holds: the save must have reached it first.
    const saved = page.waitForResponse((r) => r.url().endsWith('/sandbox/plugin-data') && r.ok());
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await saved;
    await page.locator('#card-layer .card-button', { hasText: 'Следующий этап' }).click();
    await page.locator('#card-layer .in-list', { hasText: 'Выдача доступов' }).waitFor({ timeout: 15_000 });
    const checklist = page.locator('#card-layer').getByTestId('checklist').first();
    // The service adds «Запуск» item by item: the page draws each; tick once all four are there.
    await checklist.locator('h3', { hasText: /^Запуск · 0 из 4$/ }).waitFor({ timeout: 15_000 });
    await checklist.locator('input[type="checkbox"]').first().check();
    await checklist.locator('h3', { hasText: /^Запуск · 1 из 4$/ }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'checklist');
    expect(errors).toEqual([]);
  });
});
