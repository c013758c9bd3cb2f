import type { Browser } from 'playwright-core';
import { openCardBack, section } from './support/card-back';
import { launchBrowser } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { stationCard } from './support/station-cards';

jest.setTimeout(30_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-form-views')]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the «Данные станции» section for every member', () => {
  it('is usable on a 360 px phone: nothing scrolls sideways, every input and label fits', async () => {
    const card = stationCard(stack, 'Радио «Длинное название для телефона»', 'Новая заявка');
    const { host, frame } = await openCardBack(browser, stack, card, { viewport: { width: 360, height: 740 } });
    await section(frame, 'Потоки').click();
    await frame.getByRole('button', { name: '+ Добавить' }).click();
    await section(frame, 'Реквизиты организации').click();
    await frame.getByLabel('ИНН', { exact: true }).fill('12345');
    await frame.getByText('ИНН — 10 цифр', { exact: false }).or(frame.locator('.gk-error:not(:empty)')).first().waitFor();
    const inFrame = host.page.frame({ name: 'card-back-section' })!;
    const layout = await inFrame.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, .gk-label, .gk-mark, .gk-error')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > width + 0.5);
        })
        .map((el) => el.outerHTML.slice(0, 80));
      const clipped = [...document.querySelectorAll<HTMLElement>('.gk-label-text, .gk-section-title, .gk-mark, .gk-chip, .gk-error')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent);
      const smallInputs = [...document.querySelectorAll<HTMLElement>('.gk-input')].filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16).length;
      return { width, scrollWidth: document.documentElement.scrollWidth, outside, clipped, smallInputs };
    });
    expect(layout.width).toBeGreaterThan(300);
    expect(layout).toEqual({ ...layout, scrollWidth: layout.width, outside: [], clipped: [], smallInputs: 0 });
    const pageScroll = await host.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageScroll).toBeLessThanOrEqual(0);
    await host.screenshot('form-360');
    expect(host.errors).toEqual([]);
  });

  it('counts a phone OR an e-mail as one thing the group still needs', async () => {
    const card = stationCard(stack, 'Радио Без Контактов', 'Сбор данных');
    const { frame } = await openCardBack(browser, stack, card);
    await expect(section(frame, 'Технический контакт').locator('.gk-mark-urgent').textContent()).resolves.toBe('нужно 1');
  });

  it('shows a read-only view to a member who may not edit the card', async () => {
    const station = { 'station.name': 'Радио Только Чтение', 'contract.tariff': 'premium', 'contract.signed': true, options: ['statistics', 'archive'] };
    const card = stationCard(stack, 'Радио Только Чтение', 'Новая заявка', station);
    const { host, frame } = await openCardBack(browser, stack, card, { member: 'engineer', canWrite: false });
    await expect(host.page.getByTestId('card-buttons').getByRole('button').count()).resolves.toBe(0);
    await frame.getByText('Только просмотр: у вас нет прав менять эту карточку.').waitFor();
    await expect(frame.locator('dd').allTextContents()).resolves.toEqual(['Радио Только Чтение', 'да', 'Премиум', 'Статистика прослушиваний, Архив эфира']);
    // Nothing to change the station data or take the card with; «Доступы» has its own rights from the rules.
    // The turn is drawn with the history, when its request answers: look once it has.
    await frame.getByTestId('history').waitFor();
    await expect(frame.locator('.gk-readonly, .gk-turn').locator('input, select, textarea, button').count()).resolves.toBe(0);
    await expect(frame.locator('form').count()).resolves.toBe(0);
    await host.screenshot('form-read-only');
  });

  it('speaks English to a member whose Trello is in English, labels included', async () => {
    const card = stationCard(stack, 'Radio Rocks', 'Новая заявка');
    const { host, frame } = await openCardBack(browser, stack, card, { locale: 'en' });
    await host.page.getByTestId('detail-badges').getByText('For “Сбор данных”: 2 fields').waitFor();
    await host.page.getByTestId('card-buttons').getByRole('button', { name: 'Next stage' }).waitFor();
    await frame.getByLabel('Station name').waitFor();
    await frame.getByText('needed for “Сбор данных” (or: E-mail)').waitFor();
    await frame.getByRole('button', { name: 'Save' }).waitFor();
    await host.screenshot('form-english');
  });
});
