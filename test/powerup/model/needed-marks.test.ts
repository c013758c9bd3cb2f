import { fieldsOfFailures } from '../../../powerup/model/failure-fields';
import { neededMarks } from '../../../powerup/model/needed-marks';
import { missingForStage } from '../../../rules';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';
import { emptyCard, readyCardFor, withStation } from '../../rules/station-builders';

const config = loadDefaultRules();

describe('marking the fields the next stage needs', () => {
  it('marks the gate of «Подключение» for a card in «Договор и оплата», all still missing', () => {
    expect(neededMarks(config, STAGE.contract, readyCardFor(STAGE.contract))).toEqual({
      'contract.number': { stage: STAGE.connection, missing: true },
      'contract.date': { stage: STAGE.connection, missing: true },
      'contract.signed': { stage: STAGE.connection, missing: true },
      'payment.received': { stage: STAGE.connection, missing: true },
    });
  });

  it('keeps marking a filled field, and adds one an earlier gate needs that the card has lost', () => {
    const card = withStation(readyCardFor(STAGE.contract), { 'contract.number': 'РР-1', 'org.inn': undefined });
    const marks = neededMarks(config, STAGE.contract, card);
    expect(marks['contract.number']).toEqual({ stage: STAGE.connection, missing: false });
    expect(marks['org.inn']).toEqual({ stage: STAGE.connection, missing: true });
  });

  it('says a phone or an e-mail will do, and which stream fields count', () => {
    const toData = neededMarks(config, STAGE.request, emptyCard());
    expect(toData['contact.phone']).toEqual({ stage: STAGE.data, missing: true, anyOf: ['contact.email'] });
    const toReview = neededMarks(config, STAGE.data, readyCardFor(STAGE.data));
    expect(toReview.streams).toEqual({ stage: STAGE.techReview, missing: true, itemFields: ['codec', 'bitrate', 'sourceUrl'] });
  });

  it('carries the alternatives and the stream fields of an earlier gate the card no longer meets', () => {
    const card = withStation(readyCardFor(STAGE.contract), { 'contact.phone': undefined, 'contact.email': undefined, streams: undefined });
    const marks = neededMarks(config, STAGE.contract, card);
    expect(marks['contact.email']).toEqual({ stage: STAGE.connection, missing: true, anyOf: ['contact.phone'] });
    expect(marks.streams).toEqual({ stage: STAGE.connection, missing: true, itemFields: ['codec', 'bitrate', 'sourceUrl'] });
  });

  it('marks nothing where there is no next stage', () => {
    expect(neededMarks(config, STAGE.active, emptyCard())).toEqual({});
    expect(neededMarks(config, STAGE.suspended, emptyCard())).toEqual({});
  });
});

describe('the fields named by failures', () => {
  it('lists each field once in the order of the reasons, and nothing for a checklist', () => {
    const failures = missingForStage(config, STAGE.accounting, emptyCard());
    expect(fieldsOfFailures(failures)).toEqual([
      'station.name', 'contact.phone', 'contact.email', 'streams', 'org.inn', 'org.kpp', 'org.ogrn', 'tech.approved',
      'contract.number', 'contract.date', 'contract.signed', 'payment.received', 'broadcast.live',
    ]);
    expect(failures.at(-1)).toMatchObject({ code: 'checklist_missing' });
  });

  it('names only the wrong one of a phone-or-e-mail: fixing it is the quickest way through', () => {
    const failures = missingForStage(config, STAGE.data, { ...emptyCard(), station: { 'contact.phone': '123' } });
    expect(fieldsOfFailures(failures)).toEqual(['station.name', 'contact.phone']);
  });
});
