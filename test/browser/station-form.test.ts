import type { Browser, FrameLocator } from 'playwright-core';
import { launchBrowser, openHost, type HostPage } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { stationCard } from './support/station-cards';

jest.setTimeout(30_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-form')]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const form = (host: HostPage): FrameLocator => host.page.frameLocator('iframe[name="card-back-section"]');
const section = (frame: FrameLocator, title: string) => frame.locator('summary', { hasText: title });
const stream = (frame: FrameLocator, n: number) => frame.locator('.gk-item').nth(n - 1);

async function openNewCard(name: string, viewport?: { width: number; height: number }): Promise<{ host: HostPage; cardId: string; frame: FrameLocator }> {
  const card = stationCard(stack, name, 'Новая заявка');
  const host = await openHost(browser, stack, { member: 'manager', cards: [card], ...(viewport ? { viewport } : {}) });
  await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
  const frame = form(host);
  await frame.getByRole('button', { name: 'Сохранить' }).waitFor();
  return { host, cardId: card.id, frame };
}

describe('the «Данные станции» form on the card back', () => {
  it('shows a wrong INN as it is typed and keeps «Сохранить» off until it is fixed', async () => {
    const { host, frame } = await openNewCard('Радио Ошибка');
    await section(frame, 'Реквизиты организации').click();
    await frame.getByLabel('ИНН', { exact: true }).fill('7707083894');
    await frame.getByText('неверная контрольная цифра').waitFor();
    await expect(frame.getByRole('button', { name: 'Сохранить' }).isDisabled()).resolves.toBe(true);
    await frame.getByText('Исправьте 1 поле с ошибкой, чтобы сохранить').waitFor();
    await host.screenshot('form-invalid-inn');

    await frame.getByLabel('ИНН', { exact: true }).fill('7707083893');
    await frame.getByText('неверная контрольная цифра').waitFor({ state: 'hidden' });
    await expect(frame.getByRole('button', { name: 'Сохранить' }).isEnabled()).resolves.toBe(true);
    expect(host.errors).toEqual([]);
  });

  it('saves what was typed, two streams included, as the exact station object, and shows it again', async () => {
    const { host, cardId, frame } = await openNewCard('Радио Ромашка');
    await frame.getByLabel('Название станции').fill('Радио Ромашка');
    await frame.getByLabel('Телефон').fill('+7 999 123-45-67');
    await section(frame, 'Потоки').click();
    await frame.getByRole('button', { name: '+ Добавить' }).click();
    await stream(frame, 1).getByLabel('Название потока').fill('Основной');
    await stream(frame, 1).getByLabel('Кодек').selectOption('mp3');
    await stream(frame, 1).getByLabel('Битрейт, кбит/с').fill('128');
    await stream(frame, 1).getByLabel('Частота дискретизации, Гц').selectOption('44100');
    await stream(frame, 1).getByLabel('Адрес источника').fill('http://stream.romashka.example/live');
    await frame.getByRole('button', { name: '+ Добавить' }).click();
    await stream(frame, 2).getByLabel('Название потока').fill('Резервный');
    await stream(frame, 2).getByLabel('Кодек').selectOption('aac');
    await stream(frame, 2).getByLabel('Битрейт, кбит/с').fill('64');
    await stream(frame, 2).getByLabel('Адрес источника').fill('icecast://backup.romashka.example/live');
    await section(frame, 'Договор и оплата').click();
    await frame.getByLabel('Тариф').selectOption('standard');
    await frame.getByLabel('Договор подписан').check();
    await frame.getByLabel('Статистика прослушиваний').check();
    await frame.getByLabel('Архив эфира').check();
    await host.screenshot('form-filled');
    await frame.getByRole('button', { name: 'Сохранить' }).click();

    const station = {
      'station.name': 'Радио Ромашка',
      'contact.phone': '+79991234567',
      streams: [
        { name: 'Основной', codec: 'mp3', bitrate: 128, sampleRate: 44100, sourceUrl: 'http://stream.romashka.example/live' },
        { name: 'Резервный', codec: 'aac', bitrate: 64, sourceUrl: 'icecast://backup.romashka.example/live' },
      ],
      'contract.signed': true,
      'contract.tariff': 'standard',
      options: ['statistics', 'archive'],
    };
    await host.page.waitForFunction((id) => window.gkHost.pluginData(id)?.station, cardId);
    await expect(host.page.evaluate((id) => window.gkHost.pluginData(id), cardId)).resolves.toEqual({ station });
    expect(JSON.parse(stack.sim.card(cardId).pluginData[0]!.value)).toEqual({ station });

    // Trello reloads the section after t.set; closing and opening the card reads it back too.
    await host.page.evaluate(() => window.gkHost.closeCard());
    await host.page.evaluate((id) => window.gkHost.openCard(id), cardId);
    await expect(form(host).getByLabel('Телефон').inputValue()).resolves.toBe('+79991234567');
    await section(form(host), 'Потоки').click();
    await expect(stream(form(host), 2).getByLabel('Адрес источника').inputValue()).resolves.toBe('icecast://backup.romashka.example/live');
    await expect(stream(form(host), 1).getByLabel('Кодек').inputValue()).resolves.toBe('mp3');
    await host.screenshot('form-reopened');
    expect(host.errors).toEqual([]);
  });

  it('says so, and keeps the data, when it would not fit in Trello’s 4096 characters', async () => {
    const { host, frame } = await openNewCard('Радио Многословное');
    await section(frame, 'Техническая экспертиза').click();
    await frame.getByLabel('Заключение инженера').fill('Проверено. '.repeat(400));
    await frame.getByText(/Не сохранено: данные станции занимают 4\s?4\d\d символов, а Trello хранит не больше 4\s?096/).waitFor();
    await expect(frame.getByRole('button', { name: 'Сохранить' }).isDisabled()).resolves.toBe(true);
  });

  it('is usable on a 360 px phone: nothing scrolls sideways, every input and label fits', async () => {
    const { host, frame } = await openNewCard('Радио «Длинное название для телефона»', { width: 360, height: 740 });
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

  it('shows a read-only view to a member who may not edit the card', async () => {
    const station = { 'station.name': 'Радио Только Чтение', 'contract.tariff': 'premium', 'contract.signed': true, options: ['statistics', 'archive'] };
    const card = stationCard(stack, 'Радио Только Чтение', 'Новая заявка', station);
    const host = await openHost(browser, stack, { member: 'engineer', cards: [card], canWrite: false });
    const opened = await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    expect(opened.buttons).toEqual([]);
    const frame = form(host);
    await frame.getByText('Только просмотр: у вас нет прав менять эту карточку.').waitFor();
    await expect(frame.locator('dd').allTextContents()).resolves.toEqual(['Радио Только Чтение', 'да', 'Премиум', 'Статистика прослушиваний, Архив эфира']);
    await expect(frame.locator('input, select, textarea, button').count()).resolves.toBe(0);
    await host.screenshot('form-read-only');
  });

  it('speaks English to a member whose Trello is in English, labels included', async () => {
    const card = stationCard(stack, 'Radio Rocks', 'Новая заявка');
    const host = await openHost(browser, stack, { member: 'manager', cards: [card], locale: 'en' });
    const opened = await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
    expect(opened).toEqual({
      detailBadges: [{ title: 'Next stage', text: 'For “Сбор данных”: 2 fields', color: 'red' }],
      buttons: ['Next stage'],
    });
    const frame = form(host);
    await frame.getByLabel('Station name').waitFor();
    await frame.getByText('needed for “Сбор данных” (or: E-mail)').waitFor();
    await frame.getByRole('button', { name: 'Save' }).waitFor();
    await host.screenshot('form-english');
  });
});
