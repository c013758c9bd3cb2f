import { adminRoles, membersOfRole, sameUsername, type ProcessConfig } from '../../rules';

/** The admins' Trello usernames, each once: the `recipients` of a webhook-restored notice. */
export function adminsOf(config: ProcessConfig): string[] {
  const usernames: string[] = [];
  for (const member of adminRoles(config).flatMap((role) => membersOfRole(config, role))) {
    if (!usernames.some((known) => sameUsername(known, member))) usernames.push(member);
  }
  return usernames;
}
