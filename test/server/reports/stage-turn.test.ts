import { stageWithTurn } from '../../../server/reports/stage-turn';
import type { StageVisit } from '../../../server/store/stage-history';
import { loadDefaultRules } from '../../rules/default-rules';

const config = loadDefaultRules();
const visit = (stage: string, listId = 'list-1', leftAt: string | null = null): StageVisit =>
  ({ stage, listId, enteredAt: '2026-11-02T07:00:00.000Z', leftAt, actionId: 'a1' });

describe('stageWithTurn', () => {
  it('is the stage of the open visit in the list the card is in', () => {
    expect(stageWithTurn(config, visit('Сбор данных'), 'list-1')?.list).toBe('Сбор данных');
    expect(stageWithTurn(config, visit('Приостановлен (задолженность)'), 'list-1')?.list).toBe('Приостановлен (задолженность)');
  });

  it('is none in the last stage of the main path: the onboarding is done, nobody is waited for', () => {
    expect(stageWithTurn(config, visit('Активный клиент'), 'list-1')).toBeUndefined();
  });

  it('is none without a record of the arrival in this list, or for a visit already left', () => {
    expect(stageWithTurn(config, null, 'list-1')).toBeUndefined();
    expect(stageWithTurn(config, visit('Сбор данных', 'list-0'), 'list-1')).toBeUndefined();
    expect(stageWithTurn(config, visit('Сбор данных', 'list-1', '2026-11-03T07:00:00.000Z'), 'list-1')).toBeUndefined();
    expect(stageWithTurn(config, visit('Архив'), 'list-1')).toBeUndefined();
  });
});
