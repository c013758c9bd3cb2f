import type { Browser } from 'playwright-core';
import { createResponsibles } from '../../server/store/responsibles';
import { seedHistory, type SeededCard, type SeededHistory } from '../stack/seed-history';
import { openCardBack } from './support/card-back';
import { launchBrowser } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { hostCard } from './support/station-cards';

jest.setTimeout(60_000);

let browser: Browser;
let stack: BrowserStack;
let seeded: SeededHistory;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-card-history')]);
  seeded = await seedHistory({ sim: stack.sim, board: stack.board, redis: stack.redis, prefix: stack.prefix, config: stack.config, now: new Date(), stations: 60, months: 12, seed: 1 });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Cards in progress in a stage the manager owns, nobody's yet: each test takes its own. */
const MANAGER_STAGES = ['Новая заявка', 'Сбор данных', 'Договор и оплата'];
const used = new Set<string>();
function managerCard(): SeededCard {
  const card = seeded.cards.find((c) => !c.completedAt && MANAGER_STAGES.includes(c.stage) && !used.has(c.cardId));
  if (!card) throw new Error('the seed has no more cards in progress in a manager stage');
  used.add(card.cardId);
  return card;
}

describe('«История» on the card back', () => {
  it('lists the stage visits with dates and working days, and the refusals with reasons and who tried', async () => {
    const card = seeded.cards.find((c) => c.refusals > 0 && c.visits >= 3)!;
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, card.cardId), { member: 'director' });
    const history = frame.getByTestId('history');
    await history.waitFor();
    await history.locator('summary').click();
    const visits = history.locator('.gk-visit');
    await expect(visits.count()).resolves.toBe(card.visits);
    await expect(visits.first().locator('.gk-visit-dates').textContent()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4}( — \d{2}\.\d{2}\.\d{4})?$|^с \d{2}\.\d{2}\.\d{4}$/);
    await expect(visits.first().locator('.gk-visit-days').textContent()).resolves.toMatch(/^\d+(,\d+)? раб\. дн\.$/);
    const refusals = history.locator('.gk-refusal');
    await expect(refusals.count()).resolves.toBe(card.refusals);
    await expect(refusals.first().locator('.gk-refusal-head').textContent()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4} · попытка переместить в «.+» · \S+ \S+$/);
    await expect(refusals.first().locator('.gk-reasons li').count()).resolves.toBeGreaterThan(0);
    // One request for the history, when the card opened; none for the board's other cards.
    expect(host.requests.filter((r) => r.path.endsWith('/history'))).toEqual([{ method: 'GET', path: `/api/cards/${card.cardId}/history` }]);
    await host.screenshot('card-history');
    expect(host.errors).toEqual([]);
  });
});

describe('«Беру»', () => {
  it('lets the stage owner take the card; then the name shows, to them and to everyone else', async () => {
    const card = managerCard();
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, card.cardId), { member: 'manager' });
    const turn = frame.getByTestId('turn');
    await turn.getByText(`На этапе «${card.stage}» карточку ещё никто не взял. Чья очередь: Максим Менеджеров`).waitFor();
    await host.screenshot('card-take-before');
    await turn.getByRole('button', { name: 'Беру' }).click();
    await turn.getByText('Ответственный: Максим Менеджеров').waitFor();
    await expect(turn.getByRole('button', { name: 'Беру' }).count()).resolves.toBe(0);
    expect(host.requests.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: `/api/cards/${card.cardId}/take` }]);
    // The taker is put on the card in Trello.
    expect(stack.sim.card(card.cardId).idMembers).toContain(stack.board.members.manager.id);
    await host.screenshot('card-take');
    expect(host.errors).toEqual([]);

    const other = await openCardBack(browser, stack, hostCard(stack, card.cardId), { member: 'director' });
    await other.frame.getByTestId('turn').getByText('Ответственный: Максим Менеджеров').waitFor();
    await expect(other.frame.getByRole('button', { name: 'Беру' }).count()).resolves.toBe(0);
  });

  it('says who was first when someone else took the card meanwhile (409)', async () => {
    const card = managerCard();
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, card.cardId), { member: 'manager' });
    const turn = frame.getByTestId('turn');
    await turn.getByRole('button', { name: 'Беру' }).waitFor();
    // Another member of the role clicks first (the demo rules have one manager: recorded as the API records it).
    const visit = (await stack.history.current(card.cardId))!;
    const director = stack.board.members.director;
    await createResponsibles({ redis: stack.redis, prefix: stack.prefix }).take(card.cardId, {
      stage: visit.stage, visit: visit.enteredAt, username: director.username, fullName: director.fullName, memberId: director.id, at: new Date().toISOString(),
    });
    await turn.getByRole('button', { name: 'Беру' }).click();
    await turn.getByText('Ответственный: Ирина Директорова', { exact: true }).waitFor();
    await turn.getByText(`У карточки на этапе «${card.stage}» уже есть ответственный: Ирина Директорова (@director).`).waitFor();
    await host.screenshot('card-take-409');
    expect(host.errors).toEqual([]);
  });

  it('is not offered to a member outside the stage owner’s role: they see whose turn it is', async () => {
    const card = managerCard();
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, card.cardId), { member: 'engineer' });
    await frame.getByTestId('turn').getByText(`На этапе «${card.stage}» карточку ещё никто не взял. Чья очередь: Максим Менеджеров`).waitFor();
    await expect(frame.getByRole('button', { name: 'Беру' }).count()).resolves.toBe(0);
    expect(host.errors).toEqual([]);
  });
});
