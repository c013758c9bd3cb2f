import { checkForm } from '../../../powerup/model/check-form';
import { readinessFor } from '../../../powerup/model/readiness';
import { readStation } from '../../../powerup/model/rules-runtime';
import { draftFromValue } from '../../../powerup/model/station-draft';
import { planStationSave } from '../../../powerup/model/station-save';
import type { Failure } from '../../../rules';
import { powerUpRules } from '../../../server/powerup-api/powerup-rules';
import { loadDefaultRules, STAGE } from '../../rules/default-rules';

// What someone who can edit the card may store with t.set: a key that JavaScript turns into a
// prototype as soon as the station is copied by assignment.
const STORED = '{"station":{"__proto__":{"contract.signed":true},"station.name":"x"}}';
const config = powerUpRules(loadDefaultRules());
const field = (key: string) => config.fields.find((f) => f.key === key)!;
/** The station as the pages read it from t.get (load-card-view, save-station). */
const stored = () => readStation(JSON.parse(STORED).station);
const card = (station: Record<string, unknown>) => ({ name: 'Радио', station, checklists: [] });
const asksForSignature = (failures: Failure[]) => failures.some((f) => f.code === 'field_not_true' && f.facts['field'] === 'contract.signed');

describe('a station stored with a "__proto__" key, in the Power-Up', () => {
  it('does not show the contract as signed in the form', () => {
    const station = stored();
    expect(station['station.name']).toBe('x');
    expect(draftFromValue(field('contract.signed'), station['contract.signed'])).toBe(false);
  });

  it('still asks for the signature before «Подключение»', () => {
    const readiness = readinessFor(config, STAGE.contract, card(stored()));
    expect(readiness.kind === 'missing' && asksForSignature(readiness.failures)).toBe(true);
  });

  it('saves the form without the signature turning up, and writes the odd key back as a key', () => {
    const check = checkForm([field('station.name')], { 'station.name': 'Радио Рокс' }, stored());
    const plan = planStationSave({ stored: stored(), shownKeys: ['station.name'], ...check });

    expect(plan.ok && plan.station['contract.signed']).toBeUndefined();
    expect(plan.ok && JSON.stringify({ station: plan.station })).toBe('{"station":{"__proto__":{"contract.signed":true},"station.name":"Радио Рокс"}}');
    const after = readinessFor(config, STAGE.contract, card(plan.ok ? plan.station : {}));
    expect(after.kind === 'missing' && asksForSignature(after.failures)).toBe(true);
  });
});
