import type { Language, ProcessConfig } from '../config/process-config';
import { sameUsername } from './same-name';

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

/** "директор (@director)": the role and its members, for a message that says who may act. */
export function roleWithMembers(config: ProcessConfig, role: string, language: Language): string {
  const members = membersOfRole(config, role).map((member) => `@${member.replace(/^@/, '')}`);
  const label = roleLabel(config, role, language);
  return members.length > 0 ? `${label} (${members.join(', ')})` : label;
}

/** The roles a Trello member holds. */
export function rolesOfMember(config: ProcessConfig, username: string): string[] {
  return Object.keys(config.roles).filter((role) => isInRole(config, username, role));
}

export function isInRole(config: ProcessConfig, username: string, role: string): boolean {
  return membersOfRole(config, role).some((member) => sameUsername(member, username));
}
