import { evaluate } from '../../../rules';
import { smallConfig } from '../small-config';
import { moveCard } from '../station-builders';

// Side stages in general, on a small process: A → B (boss only, needs a name) → C, plus two side
// stages, «Пауза» with an exit rule and «Архивная» without one.
const config = smallConfig({
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss' },
    { list: 'B', owner: 'clerk', controller: 'boss', gate: { movers: ['boss'], fields: ['name'] } },
    { list: 'C', owner: 'clerk', controller: 'boss' },
    { list: 'Пауза', owner: 'clerk', controller: 'boss', side: true, gate: { checked: ['signed'] }, exit: { to: ['C'], movers: ['clerk'] } },
    { list: 'Архивная', owner: 'clerk', controller: 'boss', side: true },
  ],
});
const named = { name: 'x', station: { name: 'Радио', signed: true }, checklists: [] };
const blank = { name: 'x', station: {}, checklists: [] };

describe('a side stage', () => {
  it('is entered with its own gate only, from any stage', () => {
    expect(evaluate(config, moveCard('A', 'Пауза', 'bob'), named)).toMatchObject({ verdict: 'allow', direction: 'forward' });
    expect(evaluate(config, moveCard('A', 'Пауза', 'bob'), blank)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'field_not_true', stage: 'Пауза' }],
    });
  });

  describe('with an exit rule', () => {
    it("lets the exit's roles return a card without the entry roles of the stages in between", () => {
      expect(evaluate(config, moveCard('Пауза', 'C', 'carol'), named)).toMatchObject({ verdict: 'allow', stage: { list: 'C' } });
    });

    it('still checks the data of every gate up to the destination', () => {
      expect(evaluate(config, moveCard('Пауза', 'C', 'carol'), blank)).toMatchObject({
        verdict: 'deny',
        failures: [{ code: 'field_missing', stage: 'B' }],
      });
    });
  });

  describe('without an exit rule', () => {
    it('is left as if the card came from outside: every role and gate up to the destination', () => {
      expect(evaluate(config, moveCard('Архивная', 'C', 'bob'), named)).toMatchObject({
        verdict: 'deny',
        failures: [{ code: 'role_not_allowed', stage: 'B' }],
      });
      expect(evaluate(config, moveCard('Архивная', 'C', 'alice'), named).verdict).toBe('allow');
    });

    it('lets a card go back to the first stage', () => {
      expect(evaluate(config, moveCard('Архивная', 'A', 'bob'), blank).verdict).toBe('allow');
    });
  });

  it('to another side stage: the exit rule of the one and the gate of the other', () => {
    expect(evaluate(config, moveCard('Пауза', 'Архивная', 'alice'), named)).toMatchObject({
      verdict: 'deny',
      failures: [{ code: 'exit_not_allowed' }, { code: 'role_not_allowed', stage: 'Пауза' }],
    });
  });
});

describe('evaluate', () => {
  it('changes neither the config nor the card (it is pure)', () => {
    const frozen = deepFreeze(structuredClone(config));
    const card = deepFreeze(structuredClone(named));
    expect(() => evaluate(frozen, moveCard('A', 'C', 'bob'), card)).not.toThrow();
    expect(evaluate(frozen, moveCard('A', 'C', 'bob'), card)).toEqual(evaluate(config, moveCard('A', 'C', 'bob'), named));
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
