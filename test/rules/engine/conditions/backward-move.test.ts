import { backwardMove } from '../../../../rules/engine/conditions/backward-move';
import { smallConfig } from '../../small-config';

const stages = (cStage: Record<string, unknown> = {}) => [
  { list: 'A', owner: 'clerk', controller: 'boss' },
  { list: 'B', owner: 'clerk', controller: 'boss' },
  { list: 'C', owner: 'clerk', controller: 'boss', ...cStage },
];

describe('backwardMove', () => {
  it('allows going back by default', () => {
    const config = smallConfig();
    expect(backwardMove(config, config.stages[2]!, config.stages[0]!)).toEqual([]);
  });

  describe('when the process forbids going back', () => {
    it('refuses, naming both stages', () => {
      const config = smallConfig({ allowBackward: false });
      expect(backwardMove(config, config.stages[2]!, config.stages[0]!)).toEqual([
        {
          code: 'backward_forbidden',
          stage: 'C',
          ru: 'из «C» нельзя возвращать карточки назад, в «A»',
          en: 'cards may not move back from "C" to "A"',
          facts: { from: 'C', to: 'A', setBy: 'process' },
        },
      ]);
    });

    it('still allows it from a stage that says so', () => {
      const config = smallConfig({ allowBackward: false, stages: stages({ allowBackward: true }) });
      expect(backwardMove(config, config.stages[2]!, config.stages[0]!)).toEqual([]);
    });
  });

  it('refuses going back from a stage that forbids it', () => {
    const config = smallConfig({ stages: stages({ allowBackward: false }) });
    expect(backwardMove(config, config.stages[2]!, config.stages[1]!)).toMatchObject([{ code: 'backward_forbidden', facts: { setBy: 'stage' } }]);
  });
});
