import type { FieldDef } from '../../rules';
import type { Localize } from '../i18n/localize';
import type { PowerUpRules } from '../model/api-contract';
import type { NeededMark } from '../model/needed-marks';
import { h } from '../ui/h';
import { createGroupSection, type GroupSection } from './group-section';
import { groupFields } from './group-fields';

export type FormSections = {
  elements: HTMLElement[];
  /** Counts of filled and still-needed fields, from the values as typed. */
  update(values: Record<string, unknown>): void;
  /** A section hiding an error opens, so that the error is seen. */
  openWhereErrors(paths: string[]): void;
};

/** The card back's collapsible group sections, or the popup's one plain list. */
export function createFormSections(opts: {
  config: PowerUpRules;
  fields: FieldDef[];
  grouped: boolean;
  elements: Map<string, HTMLElement>;
  marks: Record<string, NeededMark>;
  language: 'ru' | 'en';
  localize: Localize;
}): FormSections {
  if (!opts.grouped) {
    const list = h('div', { class: 'gk-group' }, opts.fields.map((f) => opts.elements.get(f.key)!));
    return { elements: [list], update: () => {}, openWhereErrors: () => {} };
  }
  const sections = groupFields(opts.config, opts.fields, true, opts.language).map(({ title, fields }) => {
    const open = fields.some((f) => opts.marks[f.key]?.missing);
    const body = fields.map((f) => opts.elements.get(f.key)!);
    const section: GroupSection = createGroupSection({ title: title ?? '', body, open, localize: opts.localize });
    return { fields, section };
  });
  return {
    elements: sections.map(({ section }) => section.el),
    update(values) {
      for (const { fields, section } of sections) {
        const filled = fields.filter((f) => values[f.key] !== undefined).length;
        // A phone OR an e-mail is one thing to fill in, however many of its alternatives the group shows.
        const needed = new Set(fields.filter((f) => stillNeeded(opts.marks[f.key], f.key, values)).map((f) => neededAs(opts.marks[f.key], f.key))).size;
        section.update({ filled, total: fields.length, needed });
      }
    },
    openWhereErrors(paths) {
      for (const { fields, section } of sections) {
        if (paths.some((path) => fields.some((f) => path === f.key || path.startsWith(`${f.key}.`)))) section.el.setAttribute('open', '');
      }
    },
  };
}

/** The same for a field and each of its alternatives, so they count as one. */
function neededAs(mark: NeededMark | undefined, key: string): string {
  return [key, ...(mark?.anyOf ?? [])].sort().join('\n');
}

/** A marked field without a value, unless one of its alternatives (phone or e-mail) has one. */
function stillNeeded(mark: NeededMark | undefined, key: string, values: Record<string, unknown>): boolean {
  if (!mark || values[key] !== undefined) return false;
  return !(mark.anyOf ?? []).some((other) => values[other] !== undefined);
}
