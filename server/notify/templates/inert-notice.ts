import type { Notice } from '../notice';
import { inertText, type TextDialect } from './inert-text';

/**
 * The strings of a notice that are not text to show: ids, links, dates, enumerations, and the
 * usernames the service mentions on purpose (recipients, owners, the mover). Any other string is
 * made inert, rules text included (harmless there, and Slack wants its `&` escaped all the same), so
 * a field added to a notice later is safe until it is named here.
 */
const NOT_TEXT = new Set([
  'kind', 'actionId', 'boardId', 'cardId', 'cardUrl', 'arrival', 'enteredAt', 'deadline',
  'recipients', 'owners', 'username', 'detectedBy', 'change', 'sentAt', 'expiresAt',
]);

/** The notice with every text value made inert for a channel's dialect, ready for the templates. */
export function inertNotice<N extends Notice>(notice: N, dialect: TextDialect): N {
  return inertValues(notice, dialect) as N;
}

function inertValues(value: unknown, dialect: TextDialect): unknown {
  if (typeof value === 'string') return inertText(value, dialect);
  if (Array.isArray(value)) return value.map((item) => inertValues(item, dialect));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, NOT_TEXT.has(key) ? v : inertValues(v, dialect)]));
}
