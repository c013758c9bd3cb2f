// The parts of rules/ the Power-Up runs in the browser, imported file by file: rules/index.ts also
// exports the rules-file parser, whose module-level zod schemas and YAML parser esbuild cannot drop
// (calls at module level count as side effects), and they would triple every bundle. The build
// fails if zod or yaml ever reach a bundle (powerup/build/check-bundle-inputs.ts).
// Types come from rules/index.ts as usual: they cost nothing at run time.

import type { CardSnapshot, Checklist, Failure, FieldDef, ProcessConfig } from '../../rules';
import { missingForStage as missingIn } from '../../rules/engine/missing-for-stage';
import { nextStage as nextIn } from '../../rules/process/find-stage';
import { checklistForStage as checklistIn, findField as fieldIn } from '../../rules/process/lookups';
import type { PowerUpRules, PowerUpStage } from './api-contract';

export { sameName } from '../../rules/process/same-name';
export { checkValue } from '../../rules/fields/check-value';
export { checkRepeatable } from '../../rules/fields/repeatable';
export { isBlank } from '../../rules/fields/is-blank';
export { readStation } from '../../rules/fields/read-station';
export { problemWhere } from '../../rules/config/rules-error';

// The engine is typed for a whole ProcessConfig, but these functions read only what GET /api/rules
// sends (stages' lists, side, checklist and data gates; fields; checklists).
// test/powerup/model/rules-runtime.test.ts holds them to the whole config's answers.
const engineView = (rules: PowerUpRules) => rules as ProcessConfig;

export function missingForStage(rules: PowerUpRules, stageList: string, card: CardSnapshot): Failure[] {
  return missingIn(engineView(rules), stageList, card);
}

export function nextStage(rules: PowerUpRules, listName: string): PowerUpStage | undefined {
  return nextIn(engineView(rules), listName);
}

export function checklistForStage(rules: PowerUpRules, listName: string): Checklist | undefined {
  return checklistIn(engineView(rules), listName);
}

export function findField(rules: PowerUpRules, key: string): FieldDef | undefined {
  return fieldIn(engineView(rules), key);
}
