import type { Response } from 'express';
import { adminRoles, isInRole, roleWithMembers, type Person, type ProcessConfig } from '../../rules';
import { ApiError } from '../powerup-api/api-errors';
import { claimsOf } from '../powerup-api/require-trello-jwt';
import { peopleOf, type BoardLookups } from '../trello/board-lookups';

export type RulesAdminAccessDeps = {
  lookups: Pick<BoardLookups, 'member' | 'members'>;
  /** The board's Trello admins (member ids), as recently read. */
  boardAdmins(boardId: string): Promise<string[]>;
};

/** The member editing the rules, on the board their token was issued on. */
export type RulesAdmin = { boardId: string; memberId: string; person: Person };

/**
 * Who may change the rules: the board's Trello admins, and whoever holds a role the rules' `admins`
 * name (by default every stage's controller). Checked here on every call, from the token's member;
 * the Power-Up's menu only mirrors it. The refusal says who may, in the rules' language.
 */
export async function requireRulesAdmin(res: Response, config: ProcessConfig, deps: RulesAdminAccessDeps): Promise<RulesAdmin> {
  const { idBoard: boardId, idMember } = claimsOf(res);
  const member = await deps.lookups.member(boardId, idMember);
  if (!member) throw new ApiError(403, 'not_a_member', `member ${idMember} is not on board ${boardId}`);
  const admin = { boardId, memberId: member.id, person: { username: member.username, fullName: member.fullName || null } };
  const roles = adminRoles(config);
  if (roles.some((role) => isInRole(config, member.username, role))) return admin;
  if ((await deps.boardAdmins(boardId)).includes(member.id)) return admin;
  const people = peopleOf(await deps.lookups.members(boardId));
  const holders = roles.map((role) => roleWithMembers(config, role, config.language, people)).join(', ');
  throw new ApiError(403, 'rules_admin_forbidden', config.language === 'ru'
    ? `Правила меняют администраторы доски в Trello и ${holders}. @${member.username} — не из них.`
    : `The rules are changed by the board's Trello admins and ${holders}. @${member.username} is neither.`);
}
