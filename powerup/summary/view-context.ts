import type { Localize } from '../i18n/localize';
import type { Language } from '../model/summary-model';

/** What every part of the summary page needs to write its texts and act. */
export type ViewContext = {
  localize: Localize;
  language: Language;
  locale: string;
  /** The calendar's time zone, from the summary: dates and months are the board's, not the browser's. */
  timeZone: string;
  /** Opens a card over the board (t.showCard). */
  showCard(cardId: string): void;
};

/** «12,5 раб. дн.» / "12.5 work days"; «—» when there is no figure. */
export function daysText(ctx: ViewContext, days: number | null): string {
  return days === null ? '—' : ctx.localize.text('report-days', { days });
}

/** A number in the member's style, or «—»; `fixed`: always one decimal, so «5,0» stands beside «6,4». */
export function numberText(ctx: ViewContext, value: number | null, fixed = false): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(ctx.locale, { minimumFractionDigits: fixed ? 1 : 0, maximumFractionDigits: 1 }).format(value);
}
