import { message } from '../i18n/message';
import type { StageTime, TimeState } from './api-contract';
import type { BadgeColor, BadgeModel } from './badge-model';

const COLORS: Record<TimeState, BadgeColor> = { ok: 'green', warning: 'yellow', overdue: 'red', 'no-limit': null };

/**
 * Working days in the current stage against its limit: «2 из 5 раб. дн.», green, yellow as the
 * limit nears, red past it. The server measures it from the move history and the production
 * calendar; the badge only shows it.
 */
export function timeBadge(time: StageTime | null | undefined): BadgeModel | undefined {
  if (!time) return undefined;
  const text =
    time.limitDays === null || time.state === 'no-limit'
      ? message('badge-time-no-limit', { elapsed: time.elapsedDays })
      : message('badge-time', { elapsed: time.elapsedDays, limit: time.limitDays });
  return { kind: 'time', title: message('badge-time-title'), text, color: COLORS[time.state] };
}
