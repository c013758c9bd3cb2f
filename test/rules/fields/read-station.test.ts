import { readStation } from '../../../rules/fields/read-station';

const HOSTILE = '{"station":{"__proto__":{"contract.signed":true},"station.name":"x"}}';

describe('reading stored station data', () => {
  it('does not let a stored "__proto__" give the station a field it does not have', () => {
    const station = readStation(JSON.parse(HOSTILE).station);
    expect(station['station.name']).toBe('x');
    expect(station['contract.signed']).toBeUndefined();
  });

  it('keeps a stored "__proto__" as an ordinary key, written back as it was read', () => {
    const station = readStation(JSON.parse(HOSTILE).station);
    expect(Object.getPrototypeOf(station)).toBeNull();
    expect(Object.keys(station)).toEqual(['__proto__', 'station.name']);
    expect(JSON.stringify({ station })).toBe(HOSTILE);
  });

  it('gives every object in it, however deep, no prototype: "constructor" reads as absent', () => {
    const station = readStation({ streams: [{ codec: 'mp3', extra: { deep: [{}] } }] });
    const [stream] = station['streams'] as Record<string, Record<string, unknown[]>>[];
    expect([station['constructor'], stream!['constructor'], stream!['extra']!['constructor']]).toEqual([undefined, undefined, undefined]);
    expect(Object.getPrototypeOf((stream!['extra']!['deep'] as unknown[])[0])).toBeNull();
  });

  it('keeps the values as they were', () => {
    const stored = { 'station.name': 'Радио', streams: [{ bitrate: 128 }], options: ['a'], 'contract.signed': true, n: null };
    expect(readStation(stored)).toEqual(stored);
  });

  it.each([undefined, null, 'text', 42, [{ 'contract.signed': true }]])('reads %p as an empty station', (value) => {
    const station = readStation(value);
    expect(Object.keys(station)).toEqual([]);
    expect(station['constructor']).toBeUndefined();
  });
});
