import type { ProcessConfig } from '../config/process-config';

/**
 * The roles that answer for the process as a whole: `admins` in the rules, or else every stage's
 * controller — the people who already answer for the process when a card is stuck. They hear about
 * the service's own health, and by default they are the director's view's `reports.viewers`.
 */
export function adminRoles(config: ProcessConfig): string[] {
  return config.admins ?? [...new Set(config.stages.map((stage) => stage.controller))];
}
