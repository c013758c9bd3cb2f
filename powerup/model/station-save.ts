/** Trello keeps at most 4096 characters per scope and visibility, the whole JSON object counted. */
export const PLUGIN_DATA_LIMIT = 4096;

export type SavePlan =
  | { ok: true; station: Record<string, unknown>; size: number }
  | { ok: false; reason: 'invalid'; paths: string[] }
  | { ok: false; reason: 'too-large'; size: number; limit: number };

/**
 * What `t.set('card', 'shared', 'station', …)` will store: the stored station with the shown
 * fields replaced by the form's values (a field emptied in the form is removed). Keys the form
 * does not show stay as they are: the popup edits a few fields, and data written under another
 * version of the rules is not the form's to delete.
 */
export function planStationSave(input: {
  stored: Record<string, unknown>;
  shownKeys: readonly string[];
  values: Record<string, unknown>;
  errors: Record<string, unknown>;
}): SavePlan {
  const paths = Object.keys(input.errors);
  if (paths.length > 0) return { ok: false, reason: 'invalid', paths };
  // No prototype: a stored "__proto__" key is copied as a key, not made the prototype of the
  // station (whose fields would then all inherit it: a «Договор подписан» nobody ticked).
  const station: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(input.stored)) if (!input.shownKeys.includes(key)) station[key] = value;
  for (const key of input.shownKeys) if (input.values[key] !== undefined) station[key] = input.values[key];
  const size = storedSize(station);
  if (size > PLUGIN_DATA_LIMIT) return { ok: false, reason: 'too-large', size, limit: PLUGIN_DATA_LIMIT };
  return { ok: true, station, size };
}

/** The characters Trello counts: the card's whole shared object, `{"station":{…}}`. */
export function storedSize(station: Record<string, unknown>): number {
  return JSON.stringify({ station }).length;
}
