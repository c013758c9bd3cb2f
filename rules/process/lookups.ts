import type { FieldDef } from '../config/field-schema';
import type { Checklist, ProcessConfig } from '../config/process-config';
import { findStage } from './find-stage';
import { sameName } from './same-name';

export function findField(config: ProcessConfig, key: string): FieldDef | undefined {
  return config.fields.find((field) => field.key === key);
}

export function findChecklist(config: ProcessConfig, name: string): Checklist | undefined {
  return config.checklists.find((checklist) => sameName(checklist.name, name));
}

/** The checklist a stage adds to a card entering it, if it adds one. */
export function checklistForStage(config: ProcessConfig, listName: string): Checklist | undefined {
  const stage = findStage(config, listName);
  return stage?.checklist === undefined ? undefined : findChecklist(config, stage.checklist);
}
