import { z } from 'zod';
import { setDoubts, nameKey, type Doubts } from './doubts';
import { FieldDef, FieldGroup } from './field-schema';
import { Checklist, ProcessConfig, Role } from './process-config';
import type { RulesProblem } from './rules-error';
import { Stage } from './stage-schema';

export type Section = keyof typeof ProcessConfig.shape;

/** The lists read item by item: a broken item leaves its neighbours to be checked, and its name known. */
const LISTS = {
  groups: { item: FieldGroup, name: 'key', kind: 'group' },
  fields: { item: FieldDef, name: 'key', kind: 'field' },
  checklists: { item: Checklist, name: 'name', kind: 'checklist' },
  stages: { item: Stage, name: 'list', kind: 'stage' },
} as const;
type List = keyof typeof LISTS;

export type WellFormedParts = {
  /** The parts of the file that have the right shape, as a config the reference checks can read. */
  config: ProcessConfig;
  /** Sections not read whole: a section that is not a list has no checks of its own then. */
  broken: ReadonlySet<Section>;
  /** A problem found in `config`, its list indexes turned back into the file's (`stages[2]` may be the file's fourth). */
  inFile: (problem: RulesProblem) => RulesProblem;
};

/**
 * The well-formed parts of data that fails the schema, so their cross-references can be checked in
 * the same pass as the shape: a mistyped key in one stage no longer hides a wrong field name in
 * another. Each top-level section is read whole; `groups`, `fields`, `checklists` and `stages` item
 * by item, and `roles` entry by entry. A part that fails is left out, and the names it may define
 * become doubts (see doubts.ts), so nothing refers to it as "unknown". Undefined for data that is
 * not a mapping: there are no parts then.
 */
export function wellFormedParts(data: unknown): WellFormedParts | undefined {
  if (!isRecord(data)) return undefined;
  const config: Record<string, unknown> = {};
  const broken = new Set<Section>();
  const doubts: Doubts = { names: {}, everyStageRead: true };
  const indexes: Partial<Record<List, number[]>> = {};
  for (const section of Object.keys(ProcessConfig.shape) as Section[]) {
    const schema: z.ZodType = ProcessConfig.shape[section];
    const whole = schema.safeParse(data[section]);
    if (whole.success) {
      config[section] = whole.data;
      continue;
    }
    broken.add(section);
    if (section in LISTS) {
      const list = section as List;
      const read = readItems(list, data[section], doubts);
      config[list] = read.items;
      indexes[list] = read.indexes;
      if (list === 'stages') doubts.everyStageRead = read.complete;
    } else if (section === 'roles') {
      config.roles = readRoles(data.roles, doubts);
    } else {
      // What a file without the section gets (a default, or nothing); its own checks are skipped.
      config[section] = schema.safeParse(undefined).data;
    }
  }
  const partial = config as ProcessConfig; // every section is set above, from its own schema
  setDoubts(partial, doubts);
  return { config: partial, broken, inFile: (problem) => inFile(problem, indexes) };
}

function readItems(list: List, raw: unknown, doubts: Doubts): { items: unknown[]; indexes: number[]; complete: boolean } {
  const { item: schema, name, kind } = LISTS[list];
  if (!Array.isArray(raw)) {
    doubts.names[kind] = 'any';
    return { items: [], indexes: [], complete: false };
  }
  const items: unknown[] = [];
  const indexes: number[] = [];
  const names = new Set<string>();
  raw.forEach((value: unknown, i) => {
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) {
      items.push(parsed.data);
      indexes.push(i);
      return;
    }
    const itemName = isRecord(value) ? value[name] : undefined;
    if (typeof itemName === 'string' && doubts.names[kind] !== 'any') names.add(nameKey(kind, itemName));
    else doubts.names[kind] = 'any';
  });
  if (names.size > 0 && doubts.names[kind] !== 'any') doubts.names[kind] = names;
  return { items, indexes, complete: items.length === raw.length };
}

/** Every role the file names is known, whatever its members look like: only the names are referred to. */
function readRoles(raw: unknown, doubts: Doubts): Record<string, Role> {
  if (!isRecord(raw)) {
    doubts.names.role = 'any';
    return {};
  }
  return Object.fromEntries(Object.keys(raw).map((name) => [name, Role.safeParse(raw[name]).data ?? []]));
}

const LIST_INDEX = /^(groups|fields|checklists|stages)\[(\d+)\]/;

function inFile(problem: RulesProblem, indexes: Partial<Record<List, number[]>>): RulesProblem {
  const remap = (path: string) =>
    path.replace(LIST_INDEX, (whole, list: List, i: string) => {
      const index = indexes[list]?.[Number(i)];
      return index === undefined ? whole : `${list}[${index}]`;
    });
  // duplicates() names the first occurrence at the end of its message.
  const message = problem.message.replace(/\(first at ([^()]*)\)$/, (_, path: string) => `(first at ${remap(path)})`);
  return { ...problem, path: remap(problem.path), message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
