import { planStationSave, PLUGIN_DATA_LIMIT, storedSize } from '../../../powerup/model/station-save';

describe('planning what t.set stores as the station', () => {
  const stored = { 'station.name': 'Радио Рокс', 'contract.number': 'РР-1', 'legacy.field': 'kept' };

  it('replaces the shown fields, removes the ones emptied and keeps the rest', () => {
    const plan = planStationSave({
      stored,
      shownKeys: ['station.name', 'contract.number', 'contract.signed'],
      values: { 'station.name': 'Радио Рокс FM', 'contract.signed': true },
      errors: {},
    });
    expect(plan).toEqual({
      ok: true,
      station: { 'legacy.field': 'kept', 'station.name': 'Радио Рокс FM', 'contract.signed': true },
      size: expect.any(Number),
    });
  });

  it('copies a stored "__proto__" as a key, never as a prototype every field would inherit', () => {
    const hostile = JSON.parse('{"__proto__":{"contract.signed":true},"station.name":"x"}') as Record<string, unknown>;
    const plan = planStationSave({ stored: hostile, shownKeys: ['station.name'], values: { 'station.name': 'y' }, errors: {} });

    expect(plan.ok && plan.station['contract.signed']).toBeUndefined();
    expect(plan.ok && JSON.stringify(plan.station)).toBe('{"__proto__":{"contract.signed":true},"station.name":"y"}');
  });

  it('refuses while any field is invalid, naming them', () => {
    const plan = planStationSave({ stored, shownKeys: ['org.inn'], values: {}, errors: { 'org.inn': {}, 'streams.2.bitrate': {} } });
    expect(plan).toEqual({ ok: false, reason: 'invalid', paths: ['org.inn', 'streams.2.bitrate'] });
  });

  it('refuses what Trello would refuse: more than 4096 characters of {"station":…}', () => {
    const note = (length: number) => ({ 'tech.note': 'я'.repeat(length) });
    const fits = 4096 - storedSize(note(0));
    expect(planStationSave({ stored: {}, shownKeys: ['tech.note'], values: note(fits), errors: {} })).toMatchObject({ ok: true, size: 4096 });
    expect(planStationSave({ stored: {}, shownKeys: ['tech.note'], values: note(fits + 1), errors: {} })).toEqual({
      ok: false,
      reason: 'too-large',
      size: 4097,
      limit: PLUGIN_DATA_LIMIT,
    });
  });
});
