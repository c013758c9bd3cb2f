import { normaliseName } from '../process/same-name';
import type { ProcessConfig } from './process-config';

/** The kinds of things a rules file defines by name and refers to elsewhere. */
export type NameKind = 'role' | 'group' | 'field' | 'checklist' | 'stage';

/**
 * What the reference checks cannot know about a config read from a file with shape problems: the
 * names its malformed parts may define (`'any'` when such a part has no readable name), and whether
 * every stage was read. A reference to such a name is not judged: the malformed part is reported
 * already, and "unknown field" for a field whose definition is broken would send the reader after
 * a problem that is not there.
 */
export type Doubts = {
  names: Partial<Record<NameKind, ReadonlySet<string> | 'any'>>;
  everyStageRead: boolean;
};

// Only the partial configs of a file with shape problems have doubts; a WeakMap lets them go with it.
const doubtsOf = new WeakMap<ProcessConfig, Doubts>();

export function setDoubts(config: ProcessConfig, doubts: Doubts): void {
  doubtsOf.set(config, doubts);
}

/** Whether `name` may be defined by a part of the file that could not be read. */
export function mayBeDefined(config: ProcessConfig, kind: NameKind, name: string): boolean {
  const names = doubtsOf.get(config)?.names[kind];
  if (names === undefined) return false;
  return names === 'any' || names.has(nameKey(kind, name));
}

/** Whether the config holds every stage of the file, in order: what the first stage and the main path are. */
export function everyStageRead(config: ProcessConfig): boolean {
  return doubtsOf.get(config)?.everyStageRead ?? true;
}

/** Stage and checklist names match as people write them (see sameName); the others exactly. */
export function nameKey(kind: NameKind, name: string): string {
  return kind === 'stage' || kind === 'checklist' ? normaliseName(name) : name;
}
