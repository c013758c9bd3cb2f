import { isInRole, membersOfRole, type ProcessConfig } from '../../rules';
import type { StageMovers } from '../../powerup/model/api-contract';
import { peopleOf } from '../trello/board-lookups';
import type { TrelloMember } from '../trello/schema';

/**
 * For each stage whose gate names the roles that may move cards in: may `username` do it, and who
 * may (full names as the board knows them, else @username). A ready card then tells a manager who
 * may not move it whom to ask, instead of a «Готово» that ends in a revert.
 */
export function stageMovers(config: ProcessConfig, username: string | undefined, members: readonly TrelloMember[]): StageMovers {
  const movers: StageMovers = {};
  const person = peopleOf(members);
  for (const stage of config.stages) {
    const roles = stage.gate?.movers;
    if (!roles) continue;
    const usernames = [...new Set(roles.flatMap((role) => membersOfRole(config, role)))];
    movers[stage.list] = {
      allowed: username !== undefined && roles.some((role) => isInRole(config, username, role)),
      people: usernames.map((name) => person(name).fullName || `@${name}`),
    };
  }
  return movers;
}
