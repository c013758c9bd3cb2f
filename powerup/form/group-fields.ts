import type { FieldDef } from '../../rules';
import type { PowerUpRules } from '../model/api-contract';

export type FieldSection = { title: string | null; fields: FieldDef[] };

/**
 * The form's sections: the config's groups in their order with the shown fields of each (a group
 * with none is left out), or one untitled section when the form is not grouped (the popup).
 */
export function groupFields(config: PowerUpRules, fields: FieldDef[], grouped: boolean, language: 'ru' | 'en'): FieldSection[] {
  if (!grouped) return [{ title: null, fields }];
  const sections = config.groups
    .map((group) => ({ title: group.label[language], fields: fields.filter((f) => f.group === group.key) }))
    .filter((section) => section.fields.length > 0);
  const known = new Set(config.groups.map((g) => g.key));
  const rest = fields.filter((f) => !known.has(f.group));
  return rest.length > 0 ? [...sections, { title: null, fields: rest }] : sections;
}
