import type { ProcessConfig } from '../../rules';

/**
 * «30.11.2026, 14:03» (or «27.11, 14:03» without the year) on the rules' clock and in their
 * language: what the card's comments, the client's mail and the link page say of a time.
 */
export function localTime(config: ProcessConfig, at: Date | string, withYear: boolean): string {
  return new Intl.DateTimeFormat(config.language === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone: config.calendar.timeZone, day: '2-digit', month: '2-digit', ...(withYear ? { year: 'numeric' } : {}), hour: '2-digit', minute: '2-digit',
  }).format(new Date(at));
}
