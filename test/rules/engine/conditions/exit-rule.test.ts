import { exitRule } from '../../../../rules/engine/conditions/exit-rule';
import { smallConfig } from '../../small-config';

const config = smallConfig({
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss' },
    { list: 'B', owner: 'clerk', controller: 'boss' },
    { list: 'Пауза', owner: 'clerk', controller: 'boss', side: true, exit: { to: ['B'], movers: ['boss'] } },
  ],
});
const [a, b, pause] = config.stages;

describe('exitRule', () => {
  it('lets the listed roles move a card to a listed stage', () => {
    expect(exitRule(config, pause!, b!, 'alice')).toEqual([]);
  });

  it('refuses another destination, naming the allowed ones', () => {
    expect(exitRule(config, pause!, a!, 'alice')).toEqual([
      {
        code: 'exit_not_allowed',
        stage: 'Пауза',
        ru: 'из «Пауза» можно переместить только в «B»',
        en: 'cards may leave "Пауза" only for "B"',
        facts: { to: 'A', allowedTo: ['B'] },
      },
    ]);
  });

  it('refuses another mover', () => {
    expect(exitRule(config, pause!, b!, 'bob')).toMatchObject([{ code: 'role_not_allowed', en: 'only boss (@alice) may move cards out of "Пауза"' }]);
  });

  it('reports both when both are wrong', () => {
    expect(exitRule(config, pause!, a!, 'bob').map((f) => f.code)).toEqual(['exit_not_allowed', 'role_not_allowed']);
  });

  it('asks nothing of a stage without an exit rule', () => {
    expect(exitRule(config, b!, a!, 'bob')).toEqual([]);
  });
});
