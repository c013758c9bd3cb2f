import { allowedSource } from '../../../../rules/engine/conditions/allowed-source';
import { smallConfig } from '../../small-config';

const config = smallConfig({
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss' },
    { list: 'B', owner: 'clerk', controller: 'boss' },
    { list: 'C', owner: 'clerk', controller: 'boss', gate: { from: ['B'] } },
  ],
});
const [, b, c] = config.stages;

describe('allowedSource', () => {
  it('lets a card in from anywhere when the gate names no sources', () => {
    expect(allowedSource(b!, 'Anything')).toEqual([]);
    expect(allowedSource(b!, null)).toEqual([]);
  });

  it('lets a card in from a listed stage', () => {
    expect(allowedSource(c!, 'B')).toEqual([]);
  });

  it('refuses a card from another stage and names where it may come from', () => {
    expect(allowedSource(c!, 'A')).toEqual([
      {
        code: 'source_not_allowed',
        stage: 'C',
        ru: 'в «C» можно попасть только из «B»',
        en: 'cards may enter "C" only from "B"',
        facts: { from: 'A', allowedFrom: ['B'] },
      },
    ]);
  });

  it('refuses a card created right in the stage', () => {
    expect(allowedSource(c!, null)).toMatchObject([{ code: 'source_not_allowed', facts: { from: null } }]);
  });
});
