import { workingTimeBetween, type WorkCalendar } from '../../rules';

/**
 * When a deadline job should run. Deadlines are instants on the working calendar, computed from
 * the real entry time; the clock only decides how long to wait for one, so tests and the demo can
 * shorten the wait without faking any date the notices show.
 */
export type DeadlineClock = {
  now(): number;
  /** Milliseconds to wait from now until `instant`; 0 for an instant already past. */
  delayUntil(instant: Date, calendar: WorkCalendar): number;
};

/** Production: wait until the instant itself. `now` is injectable for tests. */
export function realClock(now: () => number = Date.now): DeadlineClock {
  return { now, delayUntil: (instant) => Math.max(0, instant.getTime() - now()) };
}

/**
 * Demos and tests (DEADLINE_WORKING_HOUR_MS): wait `msPerWorkingHour` for every working hour
 * left until the instant; nights, weekends and holidays take no time at all. A two-day limit then
 * passes in the same few seconds whatever the day the demo runs on.
 */
export function workingHourClock(msPerWorkingHour: number, now: () => number = Date.now): DeadlineClock {
  return {
    now,
    delayUntil: (instant, calendar) =>
      Math.round(workingTimeBetween(calendar, new Date(now()), instant).hours * msPerWorkingHour),
  };
}

/** The clock the environment asks for: real time unless DEADLINE_WORKING_HOUR_MS is set. */
export function deadlineClockFrom(msPerWorkingHour: number | undefined): DeadlineClock {
  return msPerWorkingHour === undefined ? realClock() : workingHourClock(msPerWorkingHour);
}
