import { findStage, linearStages, nextStage, normaliseName, stagesUpTo } from '../../../rules';
import { normalisedListName, stageNamed } from '../../../rules/process/find-stage';
import { loadDefaultRules, STAGE } from '../default-rules';

const config = loadDefaultRules();

describe('findStage', () => {
  it('finds a stage by its list name', () => {
    expect(findStage(config, STAGE.connection)?.owner).toBe('engineer');
  });

  it('forgives the spaces, capitals and «е» for «ё» people type in list names', () => {
    expect(findStage(config, '  регистрация в  учете ')?.list).toBe(STAGE.accounting);
  });

  it('answers undefined for a list outside the process', () => {
    expect(findStage(config, 'Архив')).toBeUndefined();
  });

  it('finds every stage of the rules, however often it is asked (the index is built once per rules)', () => {
    for (let pass = 0; pass < 2; pass++) for (const stage of config.stages) expect(findStage(config, stage.list)).toBe(stage);
  });
});

describe('normalisedListName', () => {
  it.each([STAGE.accounting, '  регистрация в  учете ', 'Архив', 'ЁЛКА'])('is normaliseName of %j', (name) => {
    expect(normalisedListName(config, name)).toBe(normaliseName(name));
  });

  it('leads to the stage as findStage does', () => {
    expect(stageNamed(config, normalisedListName(config, ' СБОР данных'))).toBe(findStage(config, STAGE.data));
  });
});

describe('nextStage', () => {
  it.each([
    [STAGE.request, STAGE.data],
    [STAGE.contract, STAGE.connection],
    [STAGE.accounting, STAGE.active],
  ])('after %s comes %s', (list, next) => {
    expect(nextStage(config, list)?.list).toBe(next);
  });

  it.each([STAGE.active, STAGE.suspended, 'Архив'])('has nothing after %s', (list) => {
    expect(nextStage(config, list)).toBeUndefined();
  });
});

describe('linearStages and stagesUpTo', () => {
  it('leave the side stage out of the order', () => {
    expect(linearStages(config).map((s) => s.list)).not.toContain(STAGE.suspended);
    expect(linearStages(config)).toHaveLength(8);
  });

  it('give the stages from the first up to one', () => {
    expect(stagesUpTo(config, findStage(config, STAGE.techReview)!).map((s) => s.list)).toEqual([
      STAGE.request, STAGE.data, STAGE.techReview,
    ]);
  });

  it('give a side stage alone', () => {
    expect(stagesUpTo(config, findStage(config, STAGE.suspended)!).map((s) => s.list)).toEqual([STAGE.suspended]);
  });
});
