/**
 * Trello's `fields=` parameter: `all`, or a CSV of field names; `id` is always
 * returned. Unknown names are ignored here (Trello may answer 400 instead).
 */
export type FieldSelection = 'all' | string[];

export function parseFields(raw: string | undefined, defaults: FieldSelection): FieldSelection {
  if (raw === undefined || raw === '') return defaults;
  if (raw === 'all') return 'all';
  return raw.split(',').map((f) => f.trim()).filter((f) => f.length > 0);
}

export function pickFields(all: Record<string, unknown>, fields: FieldSelection): Record<string, unknown> {
  if (fields === 'all') return all;
  const picked: Record<string, unknown> = { id: all['id'] };
  for (const field of fields) if (field in all) picked[field] = all[field];
  return picked;
}

/** trello.com URL slug: lower-case words joined by "-", percent-encoded like `pend%C3%AAncias`. */
export function slugOf(name: string): string {
  const words = name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return encodeURIComponent(words.join('-'));
}
