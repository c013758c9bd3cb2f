import type { ProcessConfig } from '../config/process-config';
import { sameUsername } from './same-name';

/** The Trello usernames of a role's members, as written in the config; [] for an unknown role. */
export function membersOfRole(config: ProcessConfig, role: string): string[] {
  return Object.hasOwn(config.roles, role) ? [...(config.roles[role] ?? [])] : [];
}

/** The roles a Trello member holds. */
export function rolesOfMember(config: ProcessConfig, username: string): string[] {
  return Object.keys(config.roles).filter((role) => isInRole(config, username, role));
}

export function isInRole(config: ProcessConfig, username: string, role: string): boolean {
  return membersOfRole(config, role).some((member) => sameUsername(member, username));
}
