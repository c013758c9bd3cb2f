import type { Language, ProcessConfig } from '../config/process-config';
import type { Person } from '../reports/report-types';
import { sameUsername } from './same-name';

/** The board's people by username, as the caller read them; a username it does not know has fullName null. */
export type People = (username: string) => Person;

/** The Trello usernames of a role's members, as written in the config; [] for an unknown role. */
export function membersOfRole(config: ProcessConfig, role: string): string[] {
  if (!Object.hasOwn(config.roles, role)) return [];
  const defined = config.roles[role]!;
  return [...(Array.isArray(defined) ? defined : defined.members)];
}

/** How a message names a role: its label in `language`, or its key when the rules give none. */
export function roleLabel(config: ProcessConfig, role: string, language: Language): string {
  const defined = Object.hasOwn(config.roles, role) ? config.roles[role] : undefined;
  return defined && !Array.isArray(defined) ? defined.label[language] : role;
}

/**
 * "директор (Ирина Директорова, @director)": the role and its members, for a message that says
 * whom to ask. The members are the config's usernames; `people` (the board's members, when the
 * caller could read them) puts each one's full name first. A member without a known name is
 * "@username" alone. Several members: "инженер (Евгений Инженеров, @engineer; @engineer2)" — a
 * semicolon between people once a name brings its own comma, else "инженер (@engineer, @engineer2)".
 */
export function roleWithMembers(config: ProcessConfig, role: string, language: Language, people?: People): string {
  const members = membersOfRole(config, role).map((member) => {
    const username = member.replace(/^@/, '');
    return { username, fullName: people?.(username).fullName || null };
  });
  const label = roleLabel(config, role, language);
  if (members.length === 0) return label;
  const named = members.map(({ username, fullName }) => (fullName ? `${fullName}, @${username}` : `@${username}`));
  return `${label} (${named.join(members.some((m) => m.fullName) ? '; ' : ', ')})`;
}

/** The roles a Trello member holds. */
export function rolesOfMember(config: ProcessConfig, username: string): string[] {
  return Object.keys(config.roles).filter((role) => isInRole(config, username, role));
}

export function isInRole(config: ProcessConfig, username: string, role: string): boolean {
  return membersOfRole(config, role).some((member) => sameUsername(member, username));
}
