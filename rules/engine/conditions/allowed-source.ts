import type { Stage } from '../../config/stage-schema';
import { sameName } from '../../process/same-name';
import { failure, orList, orListRu } from '../failure';
import type { Failure } from '../types';

/**
 * A card may enter `stage` only from the stages its gate lists. `fromList` is where the card
 * really was; null when it was created here or came from a list outside the process.
 */
export function allowedSource(stage: Stage, fromList: string | null): Failure[] {
  const from = stage.gate?.from;
  if (!from || (fromList !== null && from.some((list) => sameName(list, fromList)))) return [];
  const ru = orListRu(from.map((list) => `«${list}»`));
  const en = orList(from.map((list) => `"${list}"`));
  return [
    failure(
      'source_not_allowed',
      stage,
      { ru: `в «${stage.list}» можно попасть только из ${ru}`, en: `cards may enter "${stage.list}" only from ${en}` },
      { from: fromList, allowedFrom: from },
    ),
  ];
}
