import type { LocalDate } from './local-date';

/**
 * The Russian production calendar for a five-day week (Saturday and Sunday off), 2025 to 2027:
 * the days off that are not plain weekends, and the weekends that are worked. Outside these years
 * only the weekends and the rules file's own `calendar.holidays` / `calendar.workingDays` apply;
 * add a year here when the Government publishes its decree (in September of the year before).
 *
 * Sources:
 * - Трудовой кодекс РФ, ст. 112: the non-working holidays (1–6 and 8 January New Year holidays,
 *   7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November), and the rule that a
 *   holiday falling on a weekend moves the day off to the next working day (January excepted).
 *   https://www.consultant.ru/document/cons_doc_LAW_34683/
 * - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025
 *   году»: Saturday 4 January → Friday 2 May, Sunday 5 January → Wednesday 31 December, Sunday
 *   23 February → Thursday 8 May, Saturday 8 March → Friday 13 June, Saturday 1 November →
 *   Monday 3 November (so 1 November is worked). The decree itself places the days off of 23 February
 *   and 8 March, so Monday 24 February and Monday 10 March are worked (the next-working-day rule
 *   gives way to it). https://teko.cntd.ru/news/read/reglamentirovan-perenos-vyhodnyh-dney-v-2025-godu/novosti-po-okhrane-truda
 *   247 working days.
 * - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026
 *   году»: Saturday 3 January → Friday 9 January, Sunday 4 January → Thursday 31 December.
 *   Reported by TASS the day it was signed: https://tass.ru/obschestvo/25149527. 247 working days.
 * - 2027: Постановление Правительства РФ от 17.09.2026 № 1187 «О переносе выходных дней в 2027
 *   году»: Saturday 2 January → Friday 5 November, Sunday 3 January → Friday 31 December,
 *   Saturday 20 February → Monday 22 February (so 20 February is worked).
 *   https://www.consultant.ru/document/cons_doc_LAW_544706/ (published 18.09.2026 on
 *   publication.pravo.gov.ru, № 0001202609180037). 247 working days.
 *
 * Pre-holiday days shortened by one hour (ТК ст. 95: 2025-03-07, 04-30, 06-11, 11-01; 2026-04-30,
 * 05-08, 06-11, 11-03; 2027-02-20, 04-30, 06-11, 11-03) are counted as full days: a stage limit is
 * not that precise.
 */

/** Every non-working day of these years, weekends included when a holiday falls on one. */
export const RUSSIAN_HOLIDAYS: readonly LocalDate[] = [
  // 2025
  ...newYear(2025),
  '2025-02-23', // a Sunday; its day off is Thursday 8 May (decree № 1335)
  '2025-03-08', // a Saturday; its day off is Friday 13 June (decree № 1335)
  '2025-05-01',
  '2025-05-02', // Friday: the day off of Saturday 4 January (decree № 1335)
  '2025-05-08', // Thursday: the day off of Sunday 23 February (decree № 1335)
  '2025-05-09',
  '2025-06-12',
  '2025-06-13', // Friday: the day off of Saturday 8 March (decree № 1335)
  '2025-11-03', // Monday: the day off of Saturday 1 November (decree № 1335)
  '2025-11-04',
  '2025-12-31', // Wednesday: the day off of Sunday 5 January (decree № 1335)
  // 2026
  ...newYear(2026),
  '2026-01-09', // Friday: the day off of Saturday 3 January (decree № 1466)
  '2026-02-23',
  '2026-03-08', // a Sunday…
  '2026-03-09', // …so Monday is off (ТК ст. 112)
  '2026-05-01',
  '2026-05-09', // a Saturday…
  '2026-05-11', // …so Monday is off (ТК ст. 112)
  '2026-06-12',
  '2026-11-04',
  '2026-12-31', // Thursday: the day off of Sunday 4 January (decree № 1466)
  // 2027
  ...newYear(2027),
  '2027-02-22', // Monday: the day off of Saturday 20 February (decree № 1187)
  '2027-02-23',
  '2027-03-08',
  '2027-05-01', // a Saturday…
  '2027-05-03', // …so Monday is off (ТК ст. 112)
  '2027-05-09', // a Sunday…
  '2027-05-10', // …so Monday is off (ТК ст. 112)
  '2027-06-12', // a Saturday…
  '2027-06-14', // …so Monday is off (ТК ст. 112)
  '2027-11-04',
  '2027-11-05', // Friday: the day off of Saturday 2 January (decree № 1187)
  '2027-12-31', // Friday: the day off of Sunday 3 January (decree № 1187)
];

/** Weekends that are worked: the other half of a transfer. 2026 has none. */
export const RUSSIAN_WORKING_DAYS: readonly LocalDate[] = [
  '2025-11-01', // Saturday, worked for Monday 3 November (decree № 1335)
  '2027-02-20', // Saturday, worked for Monday 22 February (decree № 1187)
];

/** 1–8 January: the New Year holidays and Christmas (ТК ст. 112). */
function newYear(year: number): LocalDate[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((day) => `${year}-01-0${day}`);
}
