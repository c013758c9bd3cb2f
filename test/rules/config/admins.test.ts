import { readFileSync } from 'node:fs';
import { parseRules, RulesError, type RulesProblem } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';
import { smallConfig } from '../small-config';
import { pathsAndMessages } from '../paths-and-messages';

function problemsOf(admins: unknown): RulesProblem[] {
  try {
    smallConfig({ admins });
    return [];
  } catch (err) {
    if (err instanceof RulesError) return pathsAndMessages(err.problems);
    throw err;
  }
}

describe('the admins key of the rules', () => {
  it('is the director in the default rules file', () => {
    expect(parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'yaml').admins).toEqual(['director']);
  });

  it('may be left out: the stages’ controllers stand in for it', () => {
    expect(smallConfig().admins).toBeUndefined();
  });

  it('names an unknown role by its path, with the role meant', () => {
    expect(problemsOf(['clerk', 'bos'])).toEqual([{ path: 'admins[1]', message: 'unknown role "bos" (did you mean "boss"?)' }]);
  });

  it('refuses a role named twice, and an empty list that would tell nobody', () => {
    expect(problemsOf(['boss', 'boss'])).toEqual([{ path: 'admins[1]', message: 'duplicate admin role "boss" (first at admins[0])' }]);
    expect(problemsOf([]).map((p) => p.path)).toEqual(['admins']);
  });
});
