import { z } from 'zod';
import { Bilingual } from './bilingual';
import { FieldKey, GroupKey, SubFieldKey } from './names';

const EnumOption = z.strictObject({
  value: z.union([z.string().min(1), z.number()]),
  label: Bilingual,
});

const Scheme = z.string().regex(/^[a-z][a-z0-9+.-]*$/, 'a URL scheme in lower case, e.g. "https" or "icecast"');

/** The value types, each with the parameters its validator takes; `base` adds key, label, group… */
function valueFieldTypes<Base extends z.core.$ZodLooseShape>(base: Base) {
  const field = <T extends string, P extends z.core.$ZodLooseShape>(type: T, params: P) =>
    z.strictObject({ ...base, type: z.literal(type), ...params });
  const options = z.array(EnumOption).min(1);
  return [
    field('text', { maxLength: z.int().min(1).optional() }),
    field('multiline', { maxLength: z.int().min(1).optional() }),
    field('number', { min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional() }),
    field('boolean', {}),
    field('date', {}),
    field('enum', { options }),
    field('multi-enum', { options }),
    field('email', {}),
    field('phone', {}),
    field('url', { schemes: z.array(Scheme).min(1).optional().meta({ description: 'Allowed schemes; default http, https.' }) }),
    field('inn', {}),
    field('kpp', {}),
    field('ogrn', {}),
    field('bik', {}),
    field('account', { bikField: FieldKey.meta({ description: 'The field holding the bank BIK the account is checked against.' }) }),
  ] as const;
}

const described = { label: Bilingual, help: Bilingual.optional() };

/** A field of one item of a repeatable group (one stream): no group, no nesting. */
export const SubFieldDef = z.discriminatedUnion('type', valueFieldTypes({ key: SubFieldKey, ...described }));
export type SubFieldDef = z.infer<typeof SubFieldDef>;

const topLevel = { key: FieldKey, group: GroupKey, ...described };

/** A field of the card form; `repeatable` holds a list of items (the streams). */
export const FieldDef = z.discriminatedUnion('type', [
  ...valueFieldTypes(topLevel),
  z.strictObject({
    ...topLevel,
    type: z.literal('repeatable'),
    /** What one item is called («Поток» for the «Потоки» group); the form numbers them «Поток №2». */
    itemLabel: Bilingual.optional(),
    fields: z.array(SubFieldDef).min(1),
  }),
]);
export type FieldDef = z.infer<typeof FieldDef>;

export type FieldType = FieldDef['type'];
export const FIELD_TYPES = FieldDef.options.map((option) => option.shape.type.value);

export const FieldGroup = z.strictObject({ key: GroupKey, label: Bilingual });
export type FieldGroup = z.infer<typeof FieldGroup>;
