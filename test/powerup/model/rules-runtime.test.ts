import { checklistForStage, findField, missingForStage, nextStage } from '../../../powerup/model/rules-runtime';
import * as engine from '../../../rules';
import { powerUpRules } from '../../../server/powerup-api/powerup-rules';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { emptyCard, readyCardFor } from '../../rules/station-builders';

// The Power-Up gets only part of the rules (GET /api/rules), and the engine it runs them with is
// typed for the whole config. The default process has every kind of gate condition; these hold
// the engine to the same answers on the part as on the whole.
describe('the Power-Up’s rules engine on the part of the rules it is sent', () => {
  const whole = loadDefaultRules();
  const part = powerUpRules(whole);
  const lists = [...whole.stages.map((stage) => stage.list), 'Список вне процесса'];
  const cards = [emptyCard(), ...Object.values(STAGE).map(readyCardFor)];

  it.each(lists)('finds what each card lacks for «%s» as on the whole rules', (list) => {
    for (const card of cards) expect(missingForStage(part, list, card)).toEqual(engine.missingForStage(whole, list, card));
  });

  it.each(lists)('finds the stage after «%s» and its checklist as on the whole rules', (list) => {
    expect(nextStage(part, list)?.list).toBe(engine.nextStage(whole, list)?.list);
    expect(checklistForStage(part, list)).toEqual(engine.checklistForStage(whole, list));
  });

  it('finds every field as on the whole rules', () => {
    for (const field of whole.fields) expect(findField(part, field.key)).toEqual(field);
  });
});
