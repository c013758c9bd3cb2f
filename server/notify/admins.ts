import { membersOfRole, sameUsername, type ProcessConfig } from '../../rules';

/**
 * The roles told about the service's own health: `admins` in the rules, or else every stage's
 * controller — the people who already answer for the process when a card is stuck.
 */
export function adminRoles(config: ProcessConfig): string[] {
  return config.admins ?? [...new Set(config.stages.map((stage) => stage.controller))];
}

/** The admins' Trello usernames, each once: the `recipients` of a webhook-restored notice. */
export function adminsOf(config: ProcessConfig): string[] {
  const usernames: string[] = [];
  for (const member of adminRoles(config).flatMap((role) => membersOfRole(config, role))) {
    if (!usernames.some((known) => sameUsername(known, member))) usernames.push(member);
  }
  return usernames;
}
