import type { ProcessConfig } from '../../config/process-config';
import type { Stage } from '../../config/stage-schema';
import { checkValue, type Station } from '../../fields/check-value';
import { isBlank } from '../../fields/is-blank';
import { failure, quoteAll } from '../failure';
import type { Failure } from '../types';
import { gateField, invalidText, missingText } from './field-label';
import { requiredItems } from './required-items';

/** A field that must be filled and valid. A repeatable field needs one item with something in it. */
export function requiredField(config: ProcessConfig, stage: Stage, key: string, station: Station): Failure[] {
  const { field, label } = gateField(config, key);
  if (field?.type === 'repeatable') return requiredItems(config, stage, { key, minItems: 1 }, station);
  const value = station[key];
  if (!field || isBlank(value)) return [failure('field_missing', stage, missingText(label), { field: key, value })];
  const result = checkValue(field, value, station);
  if (result.ok) return [];
  return [failure('field_invalid', stage, invalidText(label, result.error), { field: key, value, problem: result.error })];
}

/**
 * At least one of several fields filled and valid (a phone OR an e-mail). When none is, the ones
 * filled in wrongly are named, since fixing one of them is the quickest way through; when none is
 * filled at all, one failure names them all.
 */
export function requiredAnyOf(config: ProcessConfig, stage: Stage, keys: readonly string[], station: Station): Failure[] {
  const outcomes = keys.map((key) => requiredField(config, stage, key, station));
  if (outcomes.some((failures) => failures.length === 0)) return [];
  const invalid = outcomes.flat().filter((f) => f.code === 'field_invalid');
  if (invalid.length > 0) return invalid;
  const labels = quoteAll(keys.map((key) => gateField(config, key).label));
  return [
    failure(
      'field_missing',
      stage,
      { ru: `не заполнено ни одно из полей: ${labels.ru}`, en: `none of the fields ${labels.en} is filled` },
      { anyOf: keys, values: Object.fromEntries(keys.map((key) => [key, station[key]])) },
    ),
  ];
}
