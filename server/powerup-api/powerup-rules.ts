import type { PowerUpRules, PowerUpStage } from '../../powerup/model/api-contract';
import type { ProcessConfig, Stage } from '../../rules';

/**
 * What `GET /api/rules` sends: the rules as the Power-Up uses them (the form, and the data
 * conditions of each gate for the readiness badge), copied key by key so that a section added to
 * the rules later stays on the server until the Power-Up needs it. Every member of a watched board
 * can read this, so the notification routing (webhook URLs, addresses, chat ids), the roles'
 * members, the calendar and the limits are left out: the server judges by them.
 */
export function powerUpRules(config: ProcessConfig): PowerUpRules {
  return { groups: config.groups, fields: config.fields, checklists: config.checklists, stages: config.stages.map(powerUpStage) };
}

function powerUpStage({ list, side, checklist, gate }: Stage): PowerUpStage {
  if (!gate) return { list, side, checklist };
  return { list, side, checklist, gate: { fields: gate.fields, checked: gate.checked, checklists: gate.checklists } };
}
