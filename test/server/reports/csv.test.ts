import { parse } from 'csv-parse/sync';
import { clientRegistry } from '../../../server/reports/client-registry';
import { attachment, csvDate, csvFile } from '../../../server/reports/csv';
import type { TrelloBoardCard } from '../../../server/trello/schema';
import { testLog } from '../../helpers/silent-log';
import { loadDefaultRules } from '../../rules/default-rules';

describe('CSV as Excel and LibreOffice with Russian settings read it', () => {
  it('writes a BOM, semicolons, CRLF rows, decimal commas, and quotes what needs quoting', () => {
    const text = csvFile(['Имя', 'Сумма'], [['a "b"; c', 1234.5], ['one\ntwo', null], ['plain', -3]]);
    expect(text).toBe('\uFEFFИмя;Сумма\r\n"a ""b""; c";1234,5\r\n"one\ntwo";\r\nplain;-3\r\n');
    expect(parse(text, { delimiter: ';', bom: true })).toEqual([['Имя', 'Сумма'], ['a "b"; c', '1234,5'], ['one\ntwo', ''], ['plain', '-3']]);
  });

  it.each(['=1+1', '+7 999', '-2', '@SUM(A1)', '\tx'])('keeps the text %p from being read as a formula', (text) => {
    const [, row] = parse(csvFile(['h'], [[text]]), { delimiter: ';', bom: true });
    expect(row).toEqual([`'${text}`]);
  });

  it('writes dates as DD.MM.YYYY on the calendar\'s wall clock, and names the download', () => {
    expect(csvDate('2026-11-30T22:30:00Z', 'Europe/Moscow')).toBe('01.12.2026');
    expect(attachment('clients.csv')).toBe(`attachment; filename="clients.csv"; filename*=UTF-8''clients.csv`);
  });
});

describe('the client registry in English rules', () => {
  it('titles the columns and labels the choices in English', () => {
    const config = { ...loadDefaultRules(), language: 'en' as const };
    const powerUpId = 'p'.repeat(24);
    const station = { 'station.name': 'Radio Echo', 'contract.tariff': 'basic', options: ['mobileApps'], 'contract.monthlyFee': '12 000,75' };
    const card: TrelloBoardCard = {
      id: 'c1', name: 'Echo', idList: 'l1', idMembers: [], checklists: [],
      pluginData: [{ id: 'pd', idPlugin: powerUpId, scope: 'card', idModel: 'c1', access: 'shared', value: JSON.stringify({ station }) }],
    };
    const outside: TrelloBoardCard = { ...card, id: 'c2', idList: 'l-notes', pluginData: [] };
    const lists = [{ id: 'l1', name: 'Сбор данных', closed: false }, { id: 'l-notes', name: 'Заметки', closed: false }];

    const table = clientRegistry({ config, cards: [card, outside], lists, powerUpId, log: testLog() });

    expect(table.header.slice(0, 7)).toEqual(['Station name', 'Stage', 'Contract number', 'Contract date', 'Tariff', 'Monthly fee, RUB', 'Paid options']);
    // The card in a list outside the process is no station: left out.
    expect(table.rows).toEqual([['Radio Echo', 'Сбор данных', null, null, 'Basic', 12000.75, 'Mobile apps', null, null, null, null, null, null]]);
  });
});
