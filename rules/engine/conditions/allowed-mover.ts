import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import { isInRole, roleWithMembers, rolesOfMember, type People } from '../../process/roles';
import { failure, orList, orListRu } from '../failure';
import type { Failure } from '../types';

/**
 * Only members of `roles` may move a card into (or, for a side stage's exit, out of) `stage`.
 * No roles listed means anyone may. The refusal names the roles' members, with their full names
 * when `people` (the board's members, read by the caller) knows them.
 */
export function allowedMover(
  config: ProcessConfig,
  stage: Stage,
  roles: readonly string[] | undefined,
  mover: string,
  way: 'into' | 'out of',
  people?: People,
): Failure[] {
  if (!roles || roles.some((role) => isInRole(config, mover, role))) return [];
  // The role and its members: the mover learns whom to ask, by name where the board gave names.
  const ru = orListRu(roles.map((role) => roleWithMembers(config, role, 'ru', people)));
  const en = orList(roles.map((role) => roleWithMembers(config, role, 'en', people)));
  const where = way === 'into' ? 'в' : 'из';
  return [
    failure(
      'role_not_allowed',
      stage,
      { ru: `переместить ${where} «${stage.list}» может только ${ru}`, en: `only ${en} may move cards ${way} "${stage.list}"` },
      { mover, allowedRoles: roles, moverRoles: rolesOfMember(config, mover), way },
    ),
  ];
}
