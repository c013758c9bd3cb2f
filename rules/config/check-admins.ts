import { knownRoles } from './check-names';
import type { ProcessConfig } from './process-config';
import { duplicates } from './reference-helpers';
import type { RulesProblem } from './rules-error';

/** `admins` names roles that exist, each once: a mistyped admin role would leave nobody told. */
export function checkAdmins(config: ProcessConfig): RulesProblem[] {
  const admins = config.admins ?? [];
  return [
    ...knownRoles(config, admins, 'admins'),
    ...duplicates(admins.map((name, i) => ({ name, path: `admins[${i}]` })), 'admin role'),
  ];
}
