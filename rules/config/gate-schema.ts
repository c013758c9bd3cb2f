import { z } from 'zod';
import { ChecklistName, FieldKey, ListName, RoleName, SubFieldKey } from './names';

/** At least one of these fields filled and valid: a phone OR an e-mail. */
export const AnyOfRequirement = z.strictObject({ anyOf: z.array(FieldKey).min(2) });

/** A repeatable field with at least `minItems` items whose `itemFields` are all filled and valid. */
export const ItemsRequirement = z.strictObject({
  key: FieldKey,
  minItems: z.int().min(1).default(1),
  itemFields: z.array(SubFieldKey).min(1).optional(),
});

/** A field that must be filled and valid: a key, a set of alternatives, or a count of items. */
export const FieldRequirement = z.union([FieldKey, AnyOfRequirement, ItemsRequirement]);
export type FieldRequirement = z.infer<typeof FieldRequirement>;

/** The conditions for a card to enter a stage. Every list is optional; an absent list asks nothing. */
export const Gate = z.strictObject({
  fields: z.array(FieldRequirement).optional().meta({ description: 'Fields that must be filled and valid.' }),
  checked: z.array(FieldKey).optional().meta({ description: 'Yes/no fields that must be "yes".' }),
  checklists: z.array(ChecklistName).optional().meta({ description: 'Checklists whose every item must be ticked.' }),
  movers: z.array(RoleName).min(1).optional().meta({ description: 'Only members of these roles may move a card in.' }),
  from: z.array(ListName).min(1).optional().meta({ description: 'A card may come in only from these stages.' }),
});
export type Gate = z.infer<typeof Gate>;

/** How a card may leave a side stage: where to, and (optionally) by whom. */
export const Exit = z.strictObject({
  to: z.array(ListName).min(1).meta({ description: 'The stages a card may leave this side stage for.' }),
  movers: z.array(RoleName).min(1).optional().meta({ description: 'Only members of these roles may move a card out.' }),
});
export type Exit = z.infer<typeof Exit>;
