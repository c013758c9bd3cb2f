import type { Person } from '../reports/report-types';

/** «Евгений Инженеров (@engineer)», or «@engineer» when the board knows no name: whom to ask, findable by either. */
export function personWithLogin(person: Person): string {
  const name = person.fullName?.trim();
  const login = `@${person.username.replace(/^@/, '')}`;
  return name ? `${name} (${login})` : login;
}
