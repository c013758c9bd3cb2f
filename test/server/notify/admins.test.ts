import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules } from '../../../rules';
import { adminRoles } from '../../../rules';
import { adminsOf } from '../../../server/notify/admins';
import { loadDefaultRules } from '../../rules/default-rules';
import { smallConfig } from '../../rules/small-config';

const allChannels = parseRules(readFileSync(resolve(__dirname, '../../../rules/examples/all-channels.yaml'), 'utf8'), 'yaml');

describe("the admins, who hear of the service's own health", () => {
  it('are the director in the default rules, which name them', () => {
    expect(adminRoles(loadDefaultRules())).toEqual(['director']);
    expect(adminsOf(loadDefaultRules())).toEqual(['director']);
  });

  it("default to the stages' controllers, each role once, when the rules do not name them", () => {
    expect(adminRoles(allChannels)).toEqual(['director', 'accountant']);
    expect(adminsOf(allChannels)).toEqual(['ivan_petrov', 'maria_ivanova']);
  });

  it('name a member of two admin roles once, however the username is written', () => {
    const config = smallConfig({ roles: { boss: ['alice', 'bob'], clerk: ['@Bob', 'carol'] }, admins: ['boss', 'clerk'] });
    expect(adminsOf(config)).toEqual(['alice', 'bob', 'carol']);
  });
});
