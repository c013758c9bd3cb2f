import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules, type ProcessConfig } from '../../rules';

/** The default process file: the single source of the stages every test speaks of. */
export const DEFAULT_RULES_FILE = resolve(__dirname, '../../rules/radio-onboarding.yaml');

let cached: ProcessConfig | undefined;

/** The default process, parsed once per test file (tests never mutate it). */
export function loadDefaultRules(): ProcessConfig {
  cached ??= parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'yaml');
  return cached;
}

/** The list names of the default process, by what they are for. */
export const STAGE = {
  request: 'Новая заявка',
  data: 'Сбор данных',
  techReview: 'Техническая экспертиза',
  contract: 'Договор и оплата',
  connection: 'Подключение',
  access: 'Выдача доступов',
  accounting: 'Регистрация в учёте',
  active: 'Активный клиент',
  suspended: 'Приостановлен (задолженность)',
} as const;

/** The demo board's members, one per role of the default process. */
export const MEMBER = {
  director: 'director',
  manager: 'manager',
  engineer: 'engineer',
  accountant: 'accountant',
} as const;
