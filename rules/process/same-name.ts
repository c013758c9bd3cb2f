/**
 * Names people type twice (a list in Trello and the same list in the rules file) rarely match to
 * the byte: spaces, capitals and «ё» written as «е» vary. Two names are the same when they differ
 * only in those.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Trello usernames are lower case; a leading "@" is how people write a mention. */
export function sameUsername(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}
