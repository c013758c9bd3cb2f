// The parts of rules/ the Power-Up runs in the browser, imported file by file: rules/index.ts also
// exports the rules-file parser, whose module-level zod schemas and YAML parser esbuild cannot drop
// (calls at module level count as side effects), and they would triple every bundle. The build
// fails if zod or yaml ever reach a bundle (powerup/build/check-bundle-inputs.ts).
// Types come from rules/index.ts as usual: they cost nothing at run time.

export { missingForStage } from '../../rules/engine/missing-for-stage';
export { findStage, linearStages, nextStage, stagesUpTo } from '../../rules/process/find-stage';
export { checklistForStage, findField } from '../../rules/process/lookups';
export { sameName } from '../../rules/process/same-name';
export { checkValue } from '../../rules/fields/check-value';
export { checkRepeatable } from '../../rules/fields/repeatable';
export { isBlank } from '../../rules/fields/is-blank';
