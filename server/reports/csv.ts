import { stringify } from 'csv-stringify/sync';
import { wallClockAt } from '../../rules/calendar/zone-clock';

/** A cell as the exports build it: text, a number (decimal comma), or nothing. */
export type Cell = string | number | null;

// Excel and LibreOffice with Russian settings: `;` between cells (the comma is the decimal sign),
// CRLF between rows, and a BOM so that Excel reads UTF-8 and not the ANSI code page. Cells with a
// line break are quoted too: csv-stringify quotes only what holds its record delimiter (CRLF), and a
// bare LF in an address would otherwise end the row for Excel.
const OPTIONS = { delimiter: ';', record_delimiter: '\r\n', bom: true, quoted_match: /[\r\n]/ } as const;

/** The whole file: a header row and the rows, every cell written as Excel with Russian settings reads it. */
export function csvFile(header: string[], rows: Cell[][]): string {
  return stringify([header.map(textCell), ...rows.map((row) => row.map(csvCell))], OPTIONS);
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
  return textCell(cell);
}

/**
 * Text that a spreadsheet would take for a formula (`=HYPERLINK(…)` typed into a station's name
 * by anyone who can edit the card) starts with an apostrophe instead: shown as text, never run.
 */
function textCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** DD.MM.YYYY of an instant on the calendar's wall clock, as Russian spreadsheets read dates. */
export function csvDate(instant: Date | string, timeZone: string): string {
  return dottedDate(wallClockAt(new Date(instant).getTime(), timeZone).date);
}

/** DD.MM.YYYY of a YYYY-MM-DD date (a date field); anything else is kept as written. */
export function dottedDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}

/** `Content-Disposition` of a download: an ASCII name, and the same in RFC 5987 form for the strict. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
