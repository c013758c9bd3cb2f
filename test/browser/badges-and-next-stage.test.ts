import type { Browser } from 'playwright-core';
import { stationUpTo } from '../stack/station-data';
import { launchBrowser, openHost, type HostPage } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { stationCard } from './support/station-cards';

jest.setTimeout(30_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-badges')]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const popup = (host: HostPage) => host.page.frameLocator('iframe[name="popup"]');
const workingDaysAgo = (days: number) => new Date(Date.now() - days * 1.6 * 24 * 3600_000).toISOString();

describe('the badges of a card that lacks its contract', () => {
  it('show red on the card front, with the time in the stage, and the detail badge lists what is missing', async () => {
    const card = stationCard(stack, 'Радио Без Договора', 'Договор и оплата', stationUpTo('review'));
    await stack.history.seed(card.id, { stage: 'Договор и оплата', listId: card.idList, at: workingDaysAgo(14), actionId: 'seed-contract' });
    const host = await openHost(browser, stack, { member: 'manager', cards: [card] });

    const front = await host.page.evaluate(() => window.gkHost.renderBoard());
    expect(front[card.id]).toEqual([
      { text: 'К «Подключение»: 4 поля', color: 'red' },
      { text: expect.stringMatching(/^\d+(,\d)? из 10 раб\. дн\.$/), color: 'red' },
    ]);
    await host.screenshot('board-badges');

    const opened = await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    expect(opened.detailBadges[0]).toEqual({ title: 'Следующий этап', text: 'К «Подключение»: 4 поля', color: 'red' });
    await host.page.getByTestId('detail-badges').getByRole('button', { name: 'К «Подключение»: 4 поля' }).click();
    const reasons = popup(host).locator('.gk-reasons li');
    await reasons.first().waitFor();
    await expect(reasons.allTextContents()).resolves.toEqual([
      'не заполнено поле «Номер договора»',
      'не заполнено поле «Дата договора»',
      'не отмечено поле «Договор подписан»',
      'не отмечено поле «Первый платёж получен»',
    ]);
    await host.screenshot('detail-badge-popup');
    expect(host.errors).toEqual([]);
  });
});

describe('the readiness badge of a ready card, as each member sees it', () => {
  it('tells the manager, who may not move it into «Подключение», that the director does; the director that it is ready', async () => {
    const card = stationCard(stack, 'Радио Полный Комплект', 'Договор и оплата', stationUpTo('contractSignedAndPaid'));
    const asManager = await openHost(browser, stack, { member: 'manager', cards: [card] });
    const front = await asManager.page.evaluate(() => window.gkHost.renderBoard());
    expect(front[card.id]?.[0]).toEqual({ text: 'Готово — переместить может Ирина Директорова', color: 'green' });
    await asManager.screenshot('badge-ready-for-director');
    expect(asManager.errors).toEqual([]);

    const asDirector = await openHost(browser, stack, { member: 'director', cards: [card] });
    const seen = await asDirector.page.evaluate(() => window.gkHost.renderBoard());
    expect(seen[card.id]?.[0]).toEqual({ text: 'Готово к «Подключение»', color: 'green' });
    expect(asDirector.errors).toEqual([]);
  });
});

describe('«Следующий этап»', () => {
  it('moves a ready card: the card changes list in the simulator and Trello says where', async () => {
    const card = stationCard(stack, 'Радио Готово', 'Новая заявка', stationUpTo('basics'));
    const host = await openHost(browser, stack, { member: 'manager', cards: [card] });
    await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    await host.page.getByRole('button', { name: 'Следующий этап' }).click();
    await host.page.getByRole('alert').filter({ hasText: 'Карточка перемещена в «Сбор данных»' }).waitFor();
    expect(stack.sim.card(card.id).listName).toBe('Сбор данных');
    expect(host.requests.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: `/api/cards/${card.id}/next-stage` }]);
    expect(stack.notices.filter((n) => n.kind === 'stage-entered').map((n) => n.cardId)).toContain(card.id);
    expect(host.errors).toEqual([]);
  });

  it('asks for what is missing in place, then moves the card once it is filled in', async () => {
    const card = stationCard(stack, 'Радио Почти', 'Договор и оплата', stationUpTo('review'));
    const host = await openHost(browser, stack, { member: 'director', cards: [card] });
    await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    await host.page.getByRole('button', { name: 'Следующий этап' }).click();
    const form = popup(host);
    await form.getByText('Чтобы перейти в «Подключение», не хватает:').waitFor();
    expect(host.requests.filter((r) => r.method === 'POST')).toEqual([]);
    await form.getByLabel('Номер договора').fill('СТ-2026/118');
    await form.getByLabel('Дата договора').fill('2026-11-20');
    await form.getByLabel('Договор подписан').check();
    await form.getByLabel('Первый платёж получен').check();
    await host.screenshot('popup-filled');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByText('Всё готово для «Подключение»').waitFor();
    expect(JSON.parse(stack.sim.card(card.id).pluginData[0]!.value).station).toEqual({
      ...stationUpTo('review'),
      'contract.number': 'СТ-2026/118',
      'contract.date': '2026-11-20',
      'contract.signed': true,
      'payment.received': true,
    });
    await form.getByRole('button', { name: 'Переместить в «Подключение»' }).click();
    await host.page.getByRole('alert').filter({ hasText: 'Карточка перемещена в «Подключение»' }).waitFor();
    expect(stack.sim.card(card.id).listName).toBe('Подключение');
    await host.page.locator('iframe[name="popup"]').waitFor({ state: 'detached' });
    expect(host.errors).toEqual([]);
  });

  it('shows the server’s refusal when the member may not make the move', async () => {
    const card = stationCard(stack, 'Радио Не Тот', 'Договор и оплата', stationUpTo('contractSignedAndPaid'));
    const host = await openHost(browser, stack, { member: 'manager', cards: [card] });
    await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    await host.page.getByRole('button', { name: 'Следующий этап' }).click();
    await popup(host).getByText('Перейти в «Подключение» сейчас нельзя:').waitFor();
    await popup(host).getByText('переместить в «Подключение» может только директор (Ирина Директорова, @director)').waitFor();
    expect(stack.sim.card(card.id).listName).toBe('Договор и оплата');
    await host.screenshot('popup-refused');
  });
});

describe('a board of 200 cards', () => {
  it('costs one rules request and one status request for all its badges', async () => {
    const cards = Array.from({ length: 200 }, (_, i) =>
      stationCard(stack, `Станция ${i + 1}`, i % 2 ? 'Новая заявка' : 'Сбор данных', i % 3 ? stationUpTo('basics') : {}),
    );
    const host = await openHost(browser, stack, { member: 'manager', cards });
    const started = Date.now();
    const badges = await host.page.evaluate(() => window.gkHost.renderBoard());
    const tookMs = Date.now() - started;
    expect(Object.keys(badges)).toHaveLength(200);
    expect(Object.values(badges).every((b) => b.length >= 1)).toBe(true);
    const api = host.requests.filter((r) => r.path.startsWith('/api/'));
    expect(api).toEqual([
      { method: 'GET', path: '/api/rules' },
      { method: 'GET', path: `/api/boards/${stack.board.boardId}/cards/status` },
    ]);
    process.stdout.write(`200 cards: ${host.requests.length} requests to the service (${api.length} API), badges drawn in ${tookMs} ms\n`);
    expect(host.errors).toEqual([]);
  });
});
