import { checkedField } from '../../../../rules/engine/conditions/checked-field';
import { smallConfig } from '../../small-config';

const config = smallConfig();
const stage = config.stages[2]!;

describe('checkedField', () => {
  it('passes when the field is true', () => {
    expect(checkedField(config, stage, 'signed', { signed: true })).toEqual([]);
  });

  it.each([false, undefined, 'true', 1])('fails with field_not_true when it is %p', (value) => {
    expect(checkedField(config, stage, 'signed', { signed: value })).toEqual([
      { code: 'field_not_true', stage: 'C', ru: 'не отмечено поле «Подписано»', en: 'field "Signed" is not checked', facts: { field: 'signed', value } },
    ]);
  });
});
