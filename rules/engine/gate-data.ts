import type { FieldRequirement } from '../config/gate-schema';
import type { ProcessConfig } from '../config/process-config';
import type { Stage } from '../config/stage-schema';
import type { Station } from '../fields/check-value';
import { checkedField } from './conditions/checked-field';
import { completeChecklist } from './conditions/complete-checklist';
import { requiredAnyOf, requiredField } from './conditions/required-field';
import { requiredItems } from './conditions/required-items';
import type { CardSnapshot, Failure } from './types';

/**
 * The data conditions (fields, yes/no fields, checklists) of the gates of `stages`, every unmet
 * one. A condition repeated by a later gate is reported once, under the earliest stage.
 */
export function gateDataFailures(config: ProcessConfig, stages: readonly Stage[], card: CardSnapshot): Failure[] {
  const all = stages.flatMap((stage) => stageDataFailures(config, stage, card));
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.code}\u0000${f.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stageDataFailures(config: ProcessConfig, stage: Stage, card: CardSnapshot): Failure[] {
  const gate = stage.gate ?? {};
  return [
    ...(gate.fields ?? []).flatMap((req) => fieldRequirement(config, stage, req, card.station)),
    ...(gate.checked ?? []).flatMap((key) => checkedField(config, stage, key, card.station)),
    ...(gate.checklists ?? []).flatMap((name) => completeChecklist(config, stage, name, card)),
  ];
}

function fieldRequirement(config: ProcessConfig, stage: Stage, req: FieldRequirement, station: Station): Failure[] {
  if (typeof req === 'string') return requiredField(config, stage, req, station);
  if ('anyOf' in req) return requiredAnyOf(config, stage, req.anyOf, station);
  return requiredItems(config, stage, req, station);
}
