import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import { failure } from '../failure';
import type { Failure } from '../types';

/**
 * Moving a card back to an earlier stage asks for nothing, unless the stage it leaves (or, when
 * that stage does not say, the whole process) forbids going back.
 */
export function backwardMove(config: ProcessConfig, source: Stage, target: Stage): Failure[] {
  if (source.allowBackward ?? config.allowBackward) return [];
  return [
    failure(
      'backward_forbidden',
      source,
      {
        ru: `из «${source.list}» нельзя возвращать карточки назад, в «${target.list}»`,
        en: `cards may not move back from "${source.list}" to "${target.list}"`,
      },
      { from: source.list, to: target.list, setBy: source.allowBackward === undefined ? 'process' : 'stage' },
    ),
  ];
}
