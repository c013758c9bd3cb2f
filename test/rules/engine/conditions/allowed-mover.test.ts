import { allowedMover } from '../../../../rules/engine/conditions/allowed-mover';
import { smallConfig } from '../../small-config';

const config = smallConfig();
const stage = config.stages[1]!;

describe('allowedMover', () => {
  it('lets anyone move when the gate names no roles', () => {
    expect(allowedMover(config, stage, undefined, 'mallory', 'into')).toEqual([]);
  });

  it('lets a member of a listed role move', () => {
    expect(allowedMover(config, stage, ['boss', 'clerk'], 'carol', 'into')).toEqual([]);
  });

  describe('when the mover holds none of the roles', () => {
    it('names the roles allowed, and records who tried and what roles they hold', () => {
      expect(allowedMover(config, stage, ['boss'], 'bob', 'into')).toEqual([
        {
          code: 'role_not_allowed',
          stage: 'B',
          ru: 'переместить в «B» может только boss (@alice)',
          en: 'only boss (@alice) may move cards into "B"',
          facts: { mover: 'bob', allowedRoles: ['boss'], moverRoles: ['clerk'], way: 'into' },
        },
      ]);
    });

    it('speaks of moving out for an exit', () => {
      expect(allowedMover(config, stage, ['boss', 'clerk'], 'mallory', 'out of')).toMatchObject([
        { ru: 'переместить из «B» может только boss (@alice) или clerk (@bob, @carol)', en: 'only boss (@alice) or clerk (@bob, @carol) may move cards out of "B"' },
      ]);
    });
  });

  describe("with the board's people", () => {
    const people = (username: string) => ({ username, fullName: ({ alice: 'Алиса Петрова', bob: 'Bob Smith' } as Record<string, string>)[username] ?? null });

    it('names each member by full name and username, in both languages', () => {
      expect(allowedMover(config, stage, ['boss'], 'bob', 'into', people)).toMatchObject([
        { ru: 'переместить в «B» может только boss (Алиса Петрова, @alice)', en: 'only boss (Алиса Петрова, @alice) may move cards into "B"' },
      ]);
    });

    it('separates people by semicolons, and names by username alone a member the board does not know', () => {
      expect(allowedMover(config, stage, ['boss', 'clerk'], 'mallory', 'out of', people)).toMatchObject([
        {
          ru: 'переместить из «B» может только boss (Алиса Петрова, @alice) или clerk (Bob Smith, @bob; @carol)',
          en: 'only boss (Алиса Петрова, @alice) or clerk (Bob Smith, @bob; @carol) may move cards out of "B"',
        },
      ]);
    });

    it('says usernames as before when the board knows none of the names', () => {
      const nobody = (username: string) => ({ username, fullName: null });
      expect(allowedMover(config, stage, ['clerk'], 'mallory', 'into', nobody)).toMatchObject([
        { ru: 'переместить в «B» может только clerk (@bob, @carol)', en: 'only clerk (@bob, @carol) may move cards into "B"' },
      ]);
    });

    it('keeps who tried and the roles in the facts, whatever the names', () => {
      expect(allowedMover(config, stage, ['boss'], 'bob', 'into', people)[0]!.facts).toEqual({ mover: 'bob', allowedRoles: ['boss'], moverRoles: ['clerk'], way: 'into' });
    });
  });

  it('names a role by its label in the language of the message', () => {
    const labelled = smallConfig({ roles: { boss: { label: { ru: 'начальник', en: 'the boss' }, members: ['alice'] }, clerk: ['bob'] } });
    expect(allowedMover(labelled, labelled.stages[1]!, ['boss'], 'bob', 'into')).toMatchObject([
      { ru: 'переместить в «B» может только начальник (@alice)', en: 'only the boss (@alice) may move cards into "B"' },
    ]);
  });
});
