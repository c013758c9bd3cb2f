import type { Response } from 'express';
import { adminRoles, viewerRights, type Person, type ViewerRights } from '../../rules';
import { ApiError } from '../powerup-api/api-errors';
import { claimsOf } from '../powerup-api/require-trello-jwt';
import type { TrelloMember } from '../trello/schema';
import type { ReportDeps } from './report-deps';

/** The member asking, on the board their token was issued on, with what they may see. */
export type Viewer = { boardId: string; member: TrelloMember; person: Person; rights: ViewerRights };

/**
 * Who is asking: the token's member, who must be on the token's board (a token names any member
 * Trello knows; the board's figures are for its members). `boardId`, when the path names one, must
 * be the token's board.
 */
export async function viewerOf(res: Response, deps: Pick<ReportDeps, 'config' | 'lookups'>, boardId?: string): Promise<Viewer> {
  const claims = claimsOf(res);
  if (boardId !== undefined && boardId !== claims.idBoard) {
    throw new ApiError(403, 'wrong_board', `this token was issued on board ${claims.idBoard}; it cannot read board ${boardId}`);
  }
  const member = await deps.lookups.member(claims.idBoard, claims.idMember);
  if (!member) throw new ApiError(403, 'not_a_member', `member ${claims.idMember} is not on board ${claims.idBoard}`);
  return {
    boardId: claims.idBoard,
    member,
    person: { username: member.username, fullName: member.fullName },
    rights: viewerRights(deps.config, member.username),
  };
}

/** What only the rules' `reports.viewers` may do; everyone else hears which roles may. */
export function requireViewer(viewer: Viewer, deps: Pick<ReportDeps, 'config'>, what: string): void {
  if (viewer.rights.canExport) return;
  const roles = (deps.config.reports?.viewers ?? adminRoles(deps.config)).join(', ');
  throw new ApiError(403, 'not_a_viewer', `${what} is for the report viewers (roles: ${roles}); @${viewer.member.username} holds none of them`);
}
