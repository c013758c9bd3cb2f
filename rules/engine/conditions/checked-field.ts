import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import type { Station } from '../../fields/check-value';
import { failure } from '../failure';
import type { Failure } from '../types';
import { gateField } from './field-label';

/** A yes/no field that must be "yes" (contract signed, first payment received). */
export function checkedField(config: ProcessConfig, stage: Stage, key: string, station: Station): Failure[] {
  const value = station[key];
  if (value === true) return [];
  const { label } = gateField(config, key);
  return [
    failure(
      'field_not_true',
      stage,
      { ru: `не отмечено поле «${label.ru}»`, en: `field "${label.en}" is not checked` },
      { field: key, value },
    ),
  ];
}
