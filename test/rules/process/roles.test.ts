import { isInRole, membersOfRole, roleLabel, roleWithMembers, rolesOfMember } from '../../../rules';
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

describe('a role written with a label', () => {
  const labelled = smallConfig({
    roles: { boss: { label: { ru: 'начальник', en: 'the boss' }, members: ['alice', '@Dora'] }, clerk: ['bob'] },
  });

  it('has the same members and roles as the short form', () => {
    expect(membersOfRole(labelled, 'boss')).toEqual(['alice', '@Dora']);
    expect(rolesOfMember(labelled, 'dora')).toEqual(['boss']);
  });

  it('is named by its label in each language, and a role without one by its key', () => {
    expect([roleLabel(labelled, 'boss', 'ru'), roleLabel(labelled, 'boss', 'en'), roleLabel(labelled, 'clerk', 'ru')]).toEqual(['начальник', 'the boss', 'clerk']);
    expect(roleWithMembers(labelled, 'boss', 'ru')).toBe('начальник (@alice, @Dora)');
  });
});
