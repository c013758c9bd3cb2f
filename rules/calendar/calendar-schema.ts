import { z } from 'zod';
import { didYouMean } from '../config/did-you-mean';
import { isLocalDate } from './local-date';
import { isKnownTimeZone } from './zone-clock';

// The `calendar:` section of a rules file: when the team works, so that stage limits count working
// time. Every key has a default (Moscow, 09:00–18:00, Saturday and Sunday off, the built-in Russian
// production calendar), so a file without the section means exactly that.

const LocalDate = z
  .string()
  .refine(isLocalDate, { error: (issue) => `${JSON.stringify(issue.input)} is not a date written YYYY-MM-DD` })
  .meta({ description: 'A date written YYYY-MM-DD.' });

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const ClockTime = z
  .string()
  .regex(CLOCK_TIME, 'a time of day written HH:MM, 24-hour, e.g. "09:00"')
  .meta({ description: 'A time of day, HH:MM (24-hour).' });

const TimeZone = z
  .string()
  .refine(isKnownTimeZone, { error: (issue) => unknownTimeZone(String(issue.input)) })
  .meta({ description: 'An IANA time zone, e.g. "Europe/Moscow" or "Asia/Yekaterinburg".' });

export const WorkingHours = z
  .strictObject({
    start: ClockTime.default('09:00'),
    end: ClockTime.default('18:00'),
  })
  // Zero-padded HH:MM sorts as it reads; a malformed time has its own complaint already. A night
  // shift past midnight is not supported.
  .refine(({ start, end }) => !CLOCK_TIME.test(start) || !CLOCK_TIME.test(end) || start < end, {
    path: ['end'],
    error: 'the working day must end after it starts',
  })
  .meta({ description: 'The working day, local time; every working day has the same hours.' });

export const CalendarConfig = z
  .strictObject({
    timeZone: TimeZone.default('Europe/Moscow'),
    workingHours: WorkingHours.prefault({}),
    weekends: z
      .array(z.int().min(0).max(6))
      .refine((days) => new Set(days).size < 7, 'at least one day of the week must be a working day')
      .default([6, 0])
      .meta({ description: 'Days of the week off: 0 = Sunday, 1 = Monday … 6 = Saturday.' }),
    holidays: z.array(LocalDate).default([]).meta({ description: 'Extra days off, on top of the built-in calendar.' }),
    workingDays: z
      .array(LocalDate)
      .default([])
      .meta({ description: 'Days worked although they are weekends or built-in holidays (transferred working days).' }),
    replaceBuiltIn: z
      .boolean()
      .default(false)
      .meta({ description: 'true: ignore the built-in Russian production calendar; only these keys count.' }),
  })
  .meta({ description: 'Working time: what stage limits and deadlines count.' });
export type CalendarConfig = z.infer<typeof CalendarConfig>;

/** The zones this runtime's Intl lists are the vocabulary for a suggestion; asked for only on error. */
function unknownTimeZone(name: string): string {
  const suggestion = didYouMean(name, Intl.supportedValuesOf('timeZone'));
  return `unknown time zone ${JSON.stringify(name)}${suggestion || '; use an IANA name such as "Europe/Moscow"'}`;
}
