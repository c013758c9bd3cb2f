import { readFileSync } from 'node:fs';
import { parseRules } from '../../../rules';
import { deploymentProblems } from '../../../server/rules-admin/deployment-problems';
import { DEFAULT_RULES_FILE, loadDefaultRules } from '../../rules/default-rules';

const TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');
const running = { startConfig: loadDefaultRules(), vaultKeys: true };
const draft = (edit: (text: string) => string) => parseRules(edit(TEXT), 'yaml');

describe('what a version cannot change while the service runs', () => {
  it('lets gates, roles, limits and routes on the channels in use change live', () => {
    const changed = draft((t) => t
      .replace('fields: [contract.number, contract.date]', 'fields: [contract.number, contract.date, org.bik]')
      .replace('limitWorkingDays: 2\n    escalateAfterWorkingDays: 1    # a paid', 'limitWorkingDays: 3\n    escalateAfterWorkingDays: 1    # a paid'));
    expect(deploymentProblems(changed, running)).toEqual([]);
  });

  it('refuses a vault without VAULT_KEYS, naming it', () => {
    expect(deploymentProblems(loadDefaultRules(), { ...running, vaultKeys: false })).toEqual([
      { path: 'vault', message: expect.stringContaining('without VAULT_KEYS') },
    ]);
  });

  it('refuses another language: the notify workers built their templates at start', () => {
    const english = draft((t) => t.replace(/^language: ru$/m, 'language: en'));
    expect(deploymentProblems(english, running)).toEqual([
      { path: 'language', message: 'changes the language of notifications (ru → en); the running service keeps the one it started with: change RULES_FILE, run "npm run rules -- import FILE" and restart' },
    ]);
  });

  it('refuses a channel the service did not start with, and allows dropping one', () => {
    const withTelegram = draft((t) => t.replace(/notifications:\n  routes:\n/, 'notifications:\n  routes:\n    accountant: { channels: [trello-comment, telegram], telegram: ["123"] }\n'));
    const problems = deploymentProblems(withTelegram, running);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/sends on telegram, which the service did not start with/);
    expect(deploymentProblems(running.startConfig, { ...running, startConfig: withTelegram })).toEqual([]);
  });
});
