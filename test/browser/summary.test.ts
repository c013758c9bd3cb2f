import type { Browser } from 'playwright-core';
import { until } from '../helpers/until';
import { seedHistory, type SeededHistory } from '../stack/seed-history';
import { launchBrowser, openHost } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { hostCard } from './support/station-cards';
import { openSummary, sidewaysOverflow } from './support/summary';

jest.setTimeout(60_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-summary')]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

describe('«Сводка» on a fresh board', () => {
  // A board of its own: the API keeps a board's cards for 20 s, and the seeded board must not be
  // read (and kept) before its history is written.
  let fresh: BrowserStack;
  beforeAll(async () => void (fresh = await startBrowserStack('browser-summary-fresh')), 60_000);
  afterAll(async () => fresh?.stop());

  it('says kindly that nothing has completed yet, and says so again after a failed load is retried', async () => {
    const host = await openHost(browser, fresh, { member: 'director', cards: [], viewport: DESKTOP });
    // The first load fails (the service is unreachable for a moment): the page says why and offers a retry.
    await host.page.route('**/api/boards/*/summary*', (route) => route.abort('connectionrefused'));
    const { frame, buttons } = await openSummary(host);
    expect(buttons).toEqual(['Сводка']);
    expect(await host.page.evaluate(() => window.gkHost.modal())).toEqual({ title: 'Сводка по подключениям', fullscreen: true });
    await frame.getByText(/^Не удалось загрузить сводку:/).waitFor();
    await host.screenshot('summary-error');
    await host.page.unroute('**/api/boards/*/summary*');
    await frame.getByRole('button', { name: 'Повторить' }).click();
    await frame.getByText(/Пока ни одна станция не прошла «Подключение станции» до конца/).waitFor();
    await frame.getByText('Просроченных карточек нет.').waitFor();
    await frame.getByText('За этот период ни одного отказа.').waitFor();
    await frame.getByText('Решений пока не было: они появятся с первым перемещением карточки.').waitFor();
    await host.screenshot('summary-empty');
    expect(host.errors).toEqual([]);
  });
});

describe('«Сводка» on a board with a year of history', () => {
  let seeded: SeededHistory;
  beforeAll(async () => {
    seeded = await seedHistory({ sim: stack.sim, board: stack.board, redis: stack.redis, prefix: stack.prefix, config: stack.config, now: new Date(), stations: 60, months: 12, seed: 1 });
  }, 60_000);

  /** A few of the seeded cards on the host board, so that t.showCard can open them. */
  const someCards = () => seeded.cards.filter((c) => !c.completedAt).slice(0, 3).map((c) => hostCard(stack, c.cardId));

  it('shows the director the headline, pipeline, overdue cards, stage times, refusals, the log and the exports', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: someCards(), viewport: DESKTOP });
    const { frame } = await openSummary(host);
    await frame.locator('.gk-report').waitFor();

    // The headline: this month, last month and the period, and a year of trend (12 months, drawn by uPlot).
    await expect(frame.getByTestId('kpi-this-month').textContent()).resolves.toMatch(/^Этот месяц \(.+\)/);
    await expect(frame.getByTestId('trend-table').locator('tbody tr').count()).resolves.toBe(12);
    // uPlot draws once the page has laid out (a ResizeObserver's callback), after the report is on screen.
    await frame.locator('.gk-trend-plot canvas').waitFor();
    await expect(frame.locator('.gk-trend-plot canvas').count()).resolves.toBe(1);

    // The pipeline: every stage of the process, with whose turn by name, not role key.
    const stages = await frame.locator('.gk-stage .gk-stage-name').allTextContents();
    expect(stages).toEqual(stack.config.stages.map((s) => s.list));
    const engineerStage = frame.locator('.gk-stage[data-stage="Техническая экспертиза"] .gk-stage-owner');
    await expect(engineerStage.textContent()).resolves.toBe('Чья очередь: Евгений Инженеров');

    // Overdue now: worst first.
    const overdue = frame.locator('[data-section="overdue"] tbody tr');
    expect(await overdue.count()).toBeGreaterThan(0);
    const over = (await frame.locator('[data-section="overdue"] tbody td:nth-child(3)').allTextContents()).map((t) => Number(t.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(over).toEqual([...over].sort((a, b) => b - a));

    // The viewer's extras: refusals by person, the member filter, the exports.
    await frame.getByTestId('refusals-by-member').waitFor();
    await frame.getByLabel('Сотрудник').waitFor();
    await frame.getByRole('button', { name: 'Реестр клиентов (CSV)' }).waitFor();
    await frame.getByRole('button', { name: 'Подключения (CSV)' }).waitFor();

    // The decision log pages on by cursor and filters by verdict.
    const logRows = frame.locator('[data-section="decisions"] tbody tr');
    await logRows.first().waitFor();
    const firstPage = await logRows.count();
    expect(firstPage).toBe(25);
    await frame.getByRole('button', { name: 'Показать ещё' }).click();
    await until('the second page is shown', async () => (await logRows.count()) === 50);
    await host.screenshot('summary-desktop');

    await frame.getByLabel('Решение').selectOption('reverted');
    const verdicts = () => logRows.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-verdict')))]);
    await until('only refusals are listed', async () => JSON.stringify(await verdicts()) === '["reverted"]');
    expect(host.requests.some((r) => r.path === `/api/boards/${stack.board.boardId}/decisions`)).toBe(true);

    // The export: fetched with the JWT, handed to the browser as a file.
    const [download] = await Promise.all([host.page.waitForEvent('download'), frame.getByRole('button', { name: 'Реестр клиентов (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(host.requests).toContainEqual({ method: 'GET', path: `/api/boards/${stack.board.boardId}/exports/clients.csv` });

    // A card of the pipeline opens with t.showCard.
    const first = someCards()[0]!;
    await frame.locator(`.gk-pipeline [data-card-id="${first.id}"] .gk-card-link`).click();
    await until('the card is shown', async () => (await host.page.evaluate(() => window.gkHost.shownCards())).includes(first.id));
    expect(await host.page.evaluate(() => window.gkHost.shownCards())).toEqual([first.id]);
    expect(host.errors).toEqual([]);
  });

  it('asks for the chosen period: last month, then twelve months', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP });
    const { frame } = await openSummary(host);
    const range = frame.getByTestId('period-range');
    const before = await range.textContent();
    await frame.getByRole('button', { name: '12 месяцев' }).click();
    await until('the range changes', async () => (await range.textContent()) !== before);
    await expect(frame.getByRole('button', { name: '12 месяцев' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const summaries = host.requests.filter((r) => r.path.endsWith('/summary'));
    expect(summaries).toHaveLength(2);
    expect(host.errors).toEqual([]);
  });

  it('stacks on a 360 px phone: nothing scrolls the page sideways', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: [], viewport: PHONE });
    const { frame } = await openSummary(host);
    await frame.locator('.gk-trend-plot canvas').waitFor();
    await frame.locator('[data-section="decisions"] tbody tr').first().waitFor();
    expect(await sidewaysOverflow(host)).toBeLessThanOrEqual(0);
    await host.screenshot('summary-360');
    expect(host.errors).toEqual([]);
  });

  it('speaks English to a member whose Trello is in English', async () => {
    const host = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP, locale: 'en' });
    const { frame, buttons } = await openSummary(host, 'Summary');
    expect(buttons).toEqual(['Summary']);
    await frame.getByRole('heading', { name: 'Pipeline' }).waitFor();
    await frame.getByRole('button', { name: 'Client registry (CSV)' }).waitFor();
    await frame.getByRole('button', { name: '90 days' }).waitFor();
    await frame.locator('[data-section="decisions"] tbody tr').first().waitFor();
    await host.screenshot('summary-en');
    expect(host.errors).toEqual([]);
  });

  it('shows a member who is not a viewer the figures, but no exports, no member filter and no refusals by person', async () => {
    const host = await openHost(browser, stack, { member: 'engineer', cards: [], viewport: DESKTOP });
    const { frame } = await openSummary(host);
    await frame.locator('[data-section="refusals"]').waitFor();
    await frame.locator('[data-section="decisions"] tbody tr').first().waitFor();
    await expect(frame.locator('[data-export]').count()).resolves.toBe(0);
    await expect(frame.getByLabel('Сотрудник').count()).resolves.toBe(0);
    await expect(frame.getByTestId('refusals-by-member').count()).resolves.toBe(0);
    await host.screenshot('summary-engineer');

    // Forcing it does not help: the API refuses the export and the member filter.
    const engineer = stack.board.members.engineer;
    const jwt = await stack.sim.mintPowerUpJwt({ idMember: engineer.id, idBoard: stack.board.boardId });
    const get = (path: string) => fetch(`${stack.serviceUrl}/api/boards/${stack.board.boardId}/${path}`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect((await get('exports/clients.csv')).status).toBe(403);
    expect((await get('exports/onboardings.csv')).status).toBe(403);
    expect((await get('decisions?member=manager')).status).toBe(403);
    expect(host.errors).toEqual([]);
  });
});
