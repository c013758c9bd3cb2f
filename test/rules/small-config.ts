import { parseRules, type ProcessConfig } from '../../rules';

/**
 * A tiny process for testing one condition at a time: two roles, a handful of fields, stages A→B→C
 * and whatever `overrides` replace. Goes through parseRules, so it is as valid as a real file.
 */
export function smallConfig(overrides: Record<string, unknown> = {}): ProcessConfig {
  return parseRules(JSON.stringify({ ...SMALL, ...overrides }), 'json');
}

export const SMALL = {
  roles: { boss: ['alice'], clerk: ['bob', 'carol'] },
  groups: [{ key: 'main', label: { ru: 'Главное', en: 'Main' } }],
  fields: [
    { key: 'name', type: 'text', group: 'main', label: { ru: 'Название', en: 'Name' } },
    { key: 'phone', type: 'phone', group: 'main', label: { ru: 'Телефон', en: 'Phone' } },
    { key: 'email', type: 'email', group: 'main', label: { ru: 'Почта', en: 'E-mail' } },
    { key: 'signed', type: 'boolean', group: 'main', label: { ru: 'Подписано', en: 'Signed' } },
    {
      key: 'streams',
      type: 'repeatable',
      group: 'main',
      label: { ru: 'Потоки', en: 'Streams' },
      fields: [
        { key: 'name', type: 'text', label: { ru: 'Название', en: 'Name' } },
        { key: 'bitrate', type: 'number', min: 8, max: 640, label: { ru: 'Битрейт', en: 'Bitrate' } },
        { key: 'sourceUrl', type: 'url', label: { ru: 'Источник', en: 'Source' } },
      ],
    },
  ],
  checklists: [{ name: 'Запуск', items: ['Один', 'Два'] }],
  stages: [
    { list: 'A', owner: 'clerk', controller: 'boss' },
    { list: 'B', owner: 'clerk', controller: 'boss' },
    { list: 'C', owner: 'clerk', controller: 'boss' },
  ],
};
