import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRulesFile } from '../../../server/config/read-rules-file';

const dir = mkdtempSync(join(tmpdir(), 'rules-file-'));
const defaultRules = readFileSync(join(__dirname, '../../../rules/radio-onboarding.yaml'), 'utf8');

describe('readRulesFile', () => {
  it('loads the default process', () => {
    expect(readRulesFile('rules/radio-onboarding.yaml').stages).toHaveLength(9);
  });

  it('refuses a file with a typo, naming the file and the path of the problem', () => {
    const path = join(dir, 'typo.yaml');
    writeFileSync(path, defaultRules.replace('fields: [contract.number, contract.date]', 'fields: [contract.numbr, contract.date]'));
    expect(() => readRulesFile(path)).toThrow(/\[rules\] .*typo\.yaml is invalid:\n {2}- line \d+, column \d+: stages\[4\] \(«Подключение»\)\.gate\.fields\[0\]: .*contract\.numbr/);
  });

  it('says when the file cannot be read', () => {
    expect(() => readRulesFile(join(dir, 'missing.yaml'))).toThrow(/\[rules\] cannot read RULES_FILE .*missing\.yaml/);
  });
});
