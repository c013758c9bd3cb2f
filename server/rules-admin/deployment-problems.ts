import type { ProcessConfig, RulesProblem } from '../../rules';
import { deliverySettingsOf } from '../notify/channel-settings';

/** What this deployment started with that a version cannot change while it runs. */
export type RunningDeployment = {
  /** The version the service started under: its notification transports were built from it. */
  startConfig: ProcessConfig;
  /** Whether VAULT_KEYS was given (station credentials need it). */
  vaultKeys: boolean;
};

const RESTART = 'the running service keeps the one it started with: change RULES_FILE, run "npm run rules -- import FILE" and restart';

/**
 * Rules that are valid but that this deployment cannot switch to live: a `vault:` section without
 * VAULT_KEYS, or notification transports (channels, sender, webhook addresses, language) other
 * than those the workers built at start. Refused at save with the reason, never saved to fail later.
 */
export function deploymentProblems(draft: ProcessConfig, running: RunningDeployment): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (draft.vault && !running.vaultKeys) {
    problems.push({ path: 'vault', message: 'the service runs without VAULT_KEYS, which station credentials are encrypted with: set it and restart before adding a `vault:` section' });
  }
  const now = deliverySettingsOf(running.startConfig);
  const next = deliverySettingsOf(draft);
  // Dropping a channel or an address is harmless (a transport idles); a new one has none to send with.
  const added = (key: 'channels' | 'webhooks') => next[key].filter((value) => !now[key].includes(value));
  if (now.language !== next.language) problems.push({ path: 'language', message: `changes the language of notifications (${now.language} → ${next.language}); ${RESTART}` });
  if (added('channels').length) problems.push({ path: 'notifications', message: `sends on ${added('channels').join(', ')}, which the service did not start with; ${RESTART}` });
  if (next.channels.includes('email') && now.emailFrom !== next.emailFrom) problems.push({ path: 'notifications.emailFrom', message: `changes the sender address; ${RESTART}` });
  if (added('webhooks').length) problems.push({ path: 'notifications', message: `sends to new webhook addresses (${added('webhooks').join(', ')}); ${RESTART}` });
  return problems;
}
