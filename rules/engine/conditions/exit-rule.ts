import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import type { People } from '../../process/roles';
import { sameName } from '../../process/same-name';
import { failure, orList, orListRu } from '../failure';
import type { Failure } from '../types';
import { allowedMover } from './allowed-mover';

/** A side stage's way out: only to the stages its `exit` lists, and only by its roles. */
export function exitRule(config: ProcessConfig, side: Stage, target: Stage, mover: string, people?: People): Failure[] {
  const exit = side.exit;
  if (!exit) return [];
  const failures = allowedMover(config, side, exit.movers, mover, 'out of', people);
  if (!exit.to.some((list) => sameName(list, target.list))) {
    const ru = orListRu(exit.to.map((list) => `«${list}»`));
    const en = orList(exit.to.map((list) => `"${list}"`));
    failures.unshift(
      failure(
        'exit_not_allowed',
        side,
        { ru: `из «${side.list}» можно переместить только в ${ru}`, en: `cards may leave "${side.list}" only for ${en}` },
        { to: target.list, allowedTo: exit.to },
      ),
    );
  }
  return failures;
}
