import type { Browser } from 'playwright-core';
import { cardBack, openCardBack, section, stream } from './support/card-back';
import { launchBrowser } from './support/open-host';
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

describe('the «Данные станции» form on the card back', () => {
  it('shows a wrong INN as it is typed and keeps «Сохранить» off until it is fixed', async () => {
    const { host, frame } = await openCardBack(browser, stack, stationCard(stack, 'Радио Ошибка', 'Новая заявка'));
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
    const card = stationCard(stack, 'Радио Ромашка', 'Новая заявка');
    const cardId = card.id;
    const { host, frame } = await openCardBack(browser, stack, card);
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
    await expect(cardBack(host).getByLabel('Телефон').inputValue()).resolves.toBe('+79991234567');
    await section(cardBack(host), 'Потоки').click();
    await expect(stream(cardBack(host), 2).getByLabel('Адрес источника').inputValue()).resolves.toBe('icecast://backup.romashka.example/live');
    await expect(stream(cardBack(host), 1).getByLabel('Кодек').inputValue()).resolves.toBe('mp3');
    await host.screenshot('form-reopened');
    expect(host.errors).toEqual([]);
  });

  it('says so, and keeps the data, when it would not fit in Trello’s 4096 characters', async () => {
    const { frame } = await openCardBack(browser, stack, stationCard(stack, 'Радио Многословное', 'Новая заявка'));
    await section(frame, 'Техническая экспертиза').click();
    await frame.getByLabel('Заключение инженера').fill('Проверено. '.repeat(400));
    await frame.getByText(/Не сохранено: данные станции занимают 4\s?4\d\d символов, а Trello хранит не больше 4\s?096/).waitFor();
    await expect(frame.getByRole('button', { name: 'Сохранить' }).isDisabled()).resolves.toBe(true);
  });

  it.each([
    ['reading the stored station first', 'get'],
    ['writing it', 'set'],
  ])('shows a save that fails in %s as failed, leaves «saving», and saves on the next try', async (_what, command) => {
    const card = stationCard(stack, `Радио Сбой ${command}`, 'Новая заявка');
    const { host, frame } = await openCardBack(browser, stack, card);
    await frame.getByLabel('Название станции').fill('Радио Сбой');
    // The save's next call to Trello fails once, as when Trello cannot be reached.
    await host.page.evaluate((failing) => void (window.gkFailNext = { command: failing, frame: 'card-back-section', message: 'Trello не ответил' }), command);
    await frame.getByRole('button', { name: 'Сохранить' }).click();
    await frame.getByText('Не удалось сохранить: Trello не ответил').waitFor();
    await expect(frame.getByRole('button', { name: 'Сохранить' }).isEnabled()).resolves.toBe(true);
    await host.screenshot(`form-save-failed-${command}`);

    await frame.getByRole('button', { name: 'Сохранить' }).click();
    await host.page.waitForFunction((id) => window.gkHost.pluginData(id)?.station, card.id);
    expect(JSON.parse(stack.sim.card(card.id).pluginData[0]!.value).station).toEqual({ 'station.name': 'Радио Сбой' });
    expect(host.errors).toEqual([]);
  });

  it('runs against a host that refuses, like Trello, a write over 4096 characters', async () => {
    const { host } = await openCardBack(browser, stack, stationCard(stack, 'Радио Проверка Хоста', 'Новая заявка'));
    const inFrame = await host.page.locator('iframe[name="card-back-section"]').elementHandle().then((el) => el!.contentFrame());
    const refusal = await inFrame!.evaluate(() =>
      (window as unknown as { TrelloPowerUp: { iframe(): { set(...args: unknown[]): Promise<void> } } }).TrelloPowerUp.iframe()
        .set('card', 'shared', 'station', { 'tech.note': 'я'.repeat(4100) })
        .then(() => 'stored', (err: Error) => err.message),
    );
    expect(refusal).toBe('PluginData length of 4096 characters exceeded');
  });
});
