import { parse } from 'csv-parse/sync';
import { startE2E, type E2E } from '../../e2e/e2e-kit';
import { ROMASHKA } from '../../stack/station-data';
import { apiAs, seedHistory } from './reports-kit';

/** Values a spreadsheet trips over: quotes, the separator, line breaks, a formula, a leading plus. */
const TRICKY = {
  'station.name': 'Радио "Эхо; Москвы"',
  'station.city': 'Санкт-Петербург',
  'org.inn': '7707083893',
  'org.address': '191186, Санкт-Петербург,\nНевский пр., д. 1;\r\nофис "7"',
  'contract.number': 'СТ-2026/118',
  'contract.date': '2026-11-20',
  'contract.tariff': 'premium',
  'contract.monthlyFee': 15000.5,
  options: ['statistics', 'archive'],
  'contact.name': '=HYPERLINK("http://evil.example","жми")',
  'contact.phone': '+7 812 555-12-34',
  'contact.email': 'efir@echo.example',
};

const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('the exports (clients.csv, onboardings.csv)', () => {
  let e2e: E2E;
  const ids = { echo: '', romashka: '' };
  const download = (member: string, file: string) => apiAs(e2e, member).get(`/boards/${e2e.board.boardId}/exports/${file}`);
  const rowsOf = (text: string): string[][] => parse(text, { delimiter: ';', bom: true, relaxColumnCount: false });

  beforeAll(async () => {
    e2e = await startE2E('reports-exports');
    ids.echo = await e2e.stationCard('Эхо', TRICKY);
    ids.romashka = await e2e.stationCard('Радио Ромашка', { ...ROMASHKA.basics, ...ROMASHKA.review });
  });
  afterAll(() => e2e.close());

  it('gives the director the client registry as Excel with Russian settings reads it', async () => {
    const res = await download('director', 'clients.csv');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="clients\.csv"/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(res.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = rowsOf(res.text);
    expect(header).toEqual([
      'Название станции', 'Этап', 'Номер договора', 'Дата договора', 'Тариф', 'Абонентская плата, ₽ в месяц', 'Платные опции',
      'ИНН', 'Юридический адрес', 'Город', 'Контактное лицо', 'Телефон', 'E-mail',
    ]);
    expect(rows).toEqual([
      [
        'Радио "Эхо; Москвы"', 'Новая заявка', 'СТ-2026/118', '20.11.2026', 'Премиум', '15000,5', 'Статистика прослушиваний, Архив эфира',
        '7707083893', '191186, Санкт-Петербург,\nНевский пр., д. 1;\r\nофис "7"', 'Санкт-Петербург',
        `'=HYPERLINK("http://evil.example","жми")`, "'+7 812 555-12-34", 'efir@echo.example',
      ],
      ['Радио Ромашка', 'Новая заявка', '', '', '', '', '', '7707083893', '', 'Казань', 'Пётр Звуков', "'+7 843 555-12-34", ''],
    ]);
  });

  it('gives one row per completed onboarding, with working days per stage', async () => {
    await seedHistory(e2e, ids.romashka, [
      ['Новая заявка', '2026-09-01T07:00:00.000Z'], ['Сбор данных', '2026-09-02T07:00:00.000Z'], ['Техническая экспертиза', '2026-09-04T07:00:00.000Z'],
      ['Договор и оплата', '2026-09-08T07:00:00.000Z'], ['Подключение', '2026-09-15T07:00:00.000Z'], ['Выдача доступов', '2026-09-16T07:00:00.000Z'],
      ['Регистрация в учёте', '2026-09-17T07:00:00.000Z'], ['Активный клиент', '2026-09-18T07:00:00.000Z'],
    ]);
    await seedHistory(e2e, ids.echo, [['Новая заявка', daysAgo(3)]]);

    const res = await download('director', 'onboardings.csv');

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="onboardings\.csv"/);
    const [header, ...rows] = rowsOf(res.text);
    expect(header).toEqual([
      'Станция', 'Начало', 'Завершение', 'Месяц', 'Всего, рабочих дней', 'Новая заявка, рабочих дней', 'Сбор данных, рабочих дней',
      'Техническая экспертиза, рабочих дней', 'Договор и оплата, рабочих дней', 'Подключение, рабочих дней', 'Выдача доступов, рабочих дней',
      'Регистрация в учёте, рабочих дней',
    ]);
    // 1–18 September 2026 in Moscow: 13 working days from 10:00 on the 1st to 10:00 on the 18th.
    expect(rows).toEqual([['Радио Ромашка', '01.09.2026', '18.09.2026', '2026-09', '13', '1', '2', '2', '5', '1', '1', '1']]);
  });

  it.each(['clients.csv', 'onboardings.csv'])('refuses %s to a member who is not a report viewer', async (file) => {
    const res = await download('manager', file);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'not_a_viewer', message: expect.stringMatching(/report viewers \(roles: [^)]*director[^)]*\); @manager holds none of them/) });
  });
});
