import { missingForStage } from '../../../rules';
import { loadDefaultRules, STAGE } from '../default-rules';
import { emptyCard, readyCardFor, withStation } from '../station-builders';

const config = loadDefaultRules();

describe('missingForStage (the readiness badge)', () => {
  it('says what a card in «Договор и оплата» still needs for «Подключение»', () => {
    const card = withStation(readyCardFor(STAGE.contract), { 'contract.number': 'РР-2024/017', 'contract.date': '2024-05-01' });
    expect(missingForStage(config, STAGE.connection, card).map((f) => f.ru)).toEqual([
      'не отмечено поле «Договор подписан»',
      'не отмечено поле «Первый платёж получен»',
    ]);
  });

  it('is empty for a ready card', () => {
    expect(missingForStage(config, STAGE.active, readyCardFor(STAGE.active))).toEqual([]);
  });

  it('includes the gates of the earlier stages', () => {
    expect(missingForStage(config, STAGE.techReview, emptyCard()).map((f) => f.stage)).toEqual([STAGE.data, STAGE.data, STAGE.techReview]);
  });

  it('asks nothing about roles: the director-only gate is not "missing" anything', () => {
    expect(missingForStage(config, STAGE.connection, readyCardFor(STAGE.connection))).toEqual([]);
  });

  it('is empty for a list outside the process', () => {
    expect(missingForStage(config, 'Архив', emptyCard())).toEqual([]);
  });

  it("for a side stage, is that stage's data gate alone", () => {
    expect(missingForStage(config, STAGE.suspended, emptyCard())).toEqual([]);
  });
});
