import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import { isInRole, rolesOfMember } from '../../process/roles';
import { failure, orList } from '../failure';
import type { Failure } from '../types';

/**
 * Only members of `roles` may move a card into (or, for a side stage's exit, out of) `stage`.
 * No roles listed means anyone may.
 */
export function allowedMover(
  config: ProcessConfig,
  stage: Stage,
  roles: readonly string[] | undefined,
  mover: string,
  way: 'into' | 'out of',
): Failure[] {
  if (!roles || roles.some((role) => isInRole(config, mover, role))) return [];
  const ru = way === 'into' ? `перемещать в «${stage.list}»` : `перемещать из «${stage.list}»`;
  return [
    failure(
      'role_not_allowed',
      stage,
      { ru: `${ru} может только: ${roles.join(', ')}`, en: `only ${orList(roles)} may move cards ${way} "${stage.list}"` },
      { mover, allowedRoles: roles, moverRoles: rolesOfMember(config, mover), way },
    ),
  ];
}
