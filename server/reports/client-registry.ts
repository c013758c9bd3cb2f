import type { Logger } from 'pino';
import { findField, findStage, type Bilingual, type ProcessConfig, type Station } from '../../rules';
import { stationOf } from '../stage/card-snapshot';
import type { TrelloBoardCard, TrelloList } from '../trello/schema';
import { dottedDate, type Cell } from './csv';

/** A column of the registry: a station field, titled by its label in the rules (or by `title` when the rules lack it). */
type Column = { key: string; title: Bilingual };

const NAME: Column = { key: 'station.name', title: { ru: 'Станция', en: 'Station' } };
const FIELDS: Column[] = [
  { key: 'contract.number', title: { ru: 'Номер договора', en: 'Contract number' } },
  { key: 'contract.date', title: { ru: 'Дата договора', en: 'Contract date' } },
  { key: 'contract.tariff', title: { ru: 'Тариф', en: 'Tariff' } },
  { key: 'contract.monthlyFee', title: { ru: 'Абонентская плата', en: 'Monthly fee' } },
  { key: 'options', title: { ru: 'Платные опции', en: 'Paid options' } },
  { key: 'org.inn', title: { ru: 'ИНН', en: 'INN' } },
  { key: 'org.address', title: { ru: 'Юридический адрес', en: 'Legal address' } },
  { key: 'station.city', title: { ru: 'Город', en: 'City' } },
  { key: 'contact.name', title: { ru: 'Контактное лицо', en: 'Contact person' } },
  { key: 'contact.phone', title: { ru: 'Телефон', en: 'Phone' } },
  { key: 'contact.email', title: { ru: 'E-mail', en: 'E-mail' } },
];
const STAGE_TITLE: Bilingual = { ru: 'Этап', en: 'Stage' };

/**
 * clients.csv: every station card of the board (a card in a list of the process), one row each,
 * in board order: its name, stage, contract, tariff and fee, options, INN and address, city and
 * technical contact. Choices are written as their labels in the rules' language, dates as DD.MM.YYYY.
 */
export function clientRegistry(opts: {
  config: ProcessConfig;
  cards: readonly TrelloBoardCard[];
  lists: readonly TrelloList[];
  powerUpId: string;
  log: Logger;
}): { header: string[]; rows: Cell[][] } {
  const { config } = opts;
  const lang = config.language;
  const title = (column: Column) => findField(config, column.key)?.label[lang] ?? column.title[lang];
  const listNames = new Map(opts.lists.map((list) => [list.id, list.name]));
  const rows = opts.cards.flatMap((card) => {
    const stage = findStage(config, listNames.get(card.idList) ?? '');
    if (!stage) return [];
    const station = stationOf(card, opts.powerUpId, opts.log);
    const name = textOf(station[NAME.key]) || card.name;
    return [[name, stage.list, ...FIELDS.map((column) => cellOf(config, column.key, station))]];
  });
  return { header: [title(NAME), STAGE_TITLE[lang], ...FIELDS.map(title)], rows };
}

/** A field's value as a spreadsheet reads it, by the field's type in the rules. */
function cellOf(config: ProcessConfig, key: string, station: Station): Cell {
  const value = station[key];
  if (value === undefined || value === null || value === '') return null;
  const field = findField(config, key);
  switch (field?.type) {
    case 'date':
      return dottedDate(textOf(value));
    case 'number':
      return numberOf(value);
    case 'enum':
      return labelOf(field.options, value, config.language);
    case 'multi-enum':
      return (Array.isArray(value) ? value : [value]).map((item) => labelOf(field.options, item, config.language)).join(', ');
    default:
      return textOf(value);
  }
}

function labelOf(options: readonly { value: string | number; label: Bilingual }[], value: unknown, lang: 'ru' | 'en'): string {
  return options.find((option) => String(option.value) === String(value))?.label[lang] ?? textOf(value);
}

/** A number stored as one, or as text the form kept ("15 000,50"); text that is no number stays text. */
function numberOf(value: unknown): Cell {
  if (typeof value === 'number') return value;
  const text = textOf(value);
  const number = Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
