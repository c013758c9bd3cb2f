import { invalid, valid, type FieldResult } from './field-result';

type OptionValue = string | number;
type ChoiceParams = { options: readonly { value: OptionValue }[] };

/** One of the listed options; answers with the option's own value, so "44100" becomes 44100. */
export function validateEnum(value: unknown, params: ChoiceParams): FieldResult<OptionValue> {
  const option = findOption(value, params);
  if (option === undefined) return unknownOption(value, params);
  return valid(option);
}

/** Any number of the listed options, each at most once, in the order given. */
export function validateMultiEnum(value: unknown, params: ChoiceParams): FieldResult<OptionValue[]> {
  if (!Array.isArray(value)) return invalid('должно быть списком вариантов', 'must be a list of options');
  const chosen: OptionValue[] = [];
  for (const item of value) {
    const option = findOption(item, params);
    if (option === undefined) return unknownOption(item, params);
    if (!chosen.includes(option)) chosen.push(option);
  }
  return valid(chosen);
}

function findOption(value: unknown, { options }: ChoiceParams): OptionValue | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return options.find((option) => String(option.value) === String(value).trim())?.value;
}

function unknownOption(value: unknown, { options }: ChoiceParams): FieldResult<never> {
  const list = options.map((option) => option.value).join(', ');
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return invalid(`нет такого варианта «${shown}»; варианты: ${list}`, `no such option "${shown}"; options: ${list}`);
}
