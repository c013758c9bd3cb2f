import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseRules } from '../../../rules';
import { DEFAULT_RULES_FILE, loadDefaultRules, STAGE } from '../default-rules';

describe('parseRules', () => {
  describe('when given the default process', () => {
    const config = loadDefaultRules();

    it('reads the nine stages of the onboarding, in order', () => {
      expect(config.stages.map((stage) => stage.list)).toEqual(Object.values(STAGE));
    });

    it('defines exactly the field keys the Power-Up and tools rely on', () => {
      expect(config.fields.map((field) => field.key).sort()).toEqual(
        [
          'station.name', 'station.city', 'station.website', 'contact.name', 'contact.phone', 'contact.email',
          'contact.telegram', 'streams', 'org.name', 'org.inn', 'org.kpp', 'org.ogrn', 'org.address', 'org.bik',
          'org.account', 'tech.approved', 'tech.note', 'contract.number', 'contract.date', 'contract.signed',
          'contract.tariff', 'contract.monthlyFee', 'payment.received', 'broadcast.live', 'options',
        ].sort(),
      );
    });

    it('gives every stream the sub-fields name, codec, bitrate, sampleRate and sourceUrl', () => {
      const streams = config.fields.find((field) => field.key === 'streams');
      expect(streams?.type === 'repeatable' && streams.fields.map((f) => f.key)).toEqual([
        'name', 'codec', 'bitrate', 'sampleRate', 'sourceUrl',
      ]);
    });

    it('fills in the defaults it does not spell out', () => {
      expect(config.language).toBe('ru');
      expect(config.stages[0]?.side).toBe(false);
    });

    it('makes the suspension stage a side stage with its way back', () => {
      expect(config.stages.at(-1)).toMatchObject({
        list: STAGE.suspended,
        side: true,
        gate: { from: [STAGE.active], movers: ['accountant', 'director'] },
        exit: { to: [STAGE.active], movers: ['accountant', 'director'] },
      });
    });
  });

  describe('when given the same process as JSON', () => {
    it('reads it to the same config', () => {
      const json = JSON.stringify(parse(readFileSync(DEFAULT_RULES_FILE, 'utf8')));
      expect(parseRules(json, 'json')).toEqual(loadDefaultRules());
    });
  });

  describe('when a JSON file names its schema', () => {
    it('accepts the "$schema" key editors use', () => {
      const json = JSON.stringify({ $schema: './process-config.schema.json', roles: { a: ['x'] }, stages: [{ list: 'A', owner: 'a', controller: 'a' }] });
      expect(parseRules(json, 'json').stages).toHaveLength(1);
    });
  });
});
