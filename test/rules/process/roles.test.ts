import { isInRole, membersOfRole, rolesOfMember } from '../../../rules';
import { smallConfig } from '../small-config';

const config = smallConfig({ roles: { boss: ['alice'], clerk: ['bob', '@Carol'], both: ['alice', 'bob'] } });

describe('membersOfRole', () => {
  it('lists the usernames of a role', () => {
    expect(membersOfRole(config, 'clerk')).toEqual(['bob', '@Carol']);
  });

  it('answers [] for an unknown role, including names every object has', () => {
    expect(membersOfRole(config, 'janitor')).toEqual([]);
    expect(membersOfRole(config, 'constructor')).toEqual([]);
  });

  it('gives a copy the caller cannot use to change the config', () => {
    membersOfRole(config, 'boss').push('mallory');
    expect(membersOfRole(config, 'boss')).toEqual(['alice']);
  });
});

describe('rolesOfMember and isInRole', () => {
  it('find every role of a member', () => {
    expect(rolesOfMember(config, 'alice')).toEqual(['boss', 'both']);
  });

  it('match usernames without "@" and case', () => {
    expect(isInRole(config, 'carol', 'clerk')).toBe(true);
    expect(isInRole(config, '@BOB', 'clerk')).toBe(true);
    expect(isInRole(config, 'mallory', 'clerk')).toBe(false);
  });
});
