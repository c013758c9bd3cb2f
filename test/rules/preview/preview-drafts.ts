import { readFileSync } from 'node:fs';
import { parseRules, type ProcessConfig } from '../../../rules';
import { DEFAULT_RULES_FILE } from '../default-rules';

// Drafts of the default rules (rules/radio-onboarding.yaml) an admin might preview, each one edit
// of the file's text, so that they parse exactly as the editor's draft would.

const DEFAULT_TEXT = readFileSync(DEFAULT_RULES_FILE, 'utf8');

/** The default text with `from` replaced by `to`; throws when `from` is not in it exactly once. */
export function editedDefault(from: string, to: string): string {
  const parts = DEFAULT_TEXT.split(from);
  if (parts.length !== 2) throw new Error(`editedDefault: "${from}" occurs ${parts.length - 1} times in the default rules, not once`);
  return parts.join(to);
}

export const draftOf = (text: string): ProcessConfig => parseRules(text, 'yaml');

/** «Подключение» also asks for the bank's BIK. */
export const BIK_DRAFT_TEXT = () => editedDefault('fields: [contract.number, contract.date]', 'fields: [contract.number, contract.date, org.bik]');
export const BIK_DRAFT = () => draftOf(BIK_DRAFT_TEXT());

/** «Договор и оплата» gets 1 working day instead of 10. */
export const SHORT_CONTRACT_DRAFT = () =>
  draftOf(editedDefault('    limitWorkingDays: 10\n    gate:\n      checked: [tech.approved]', '    limitWorkingDays: 1\n    gate:\n      checked: [tech.approved]'));

export const ACCOUNTANT_CHAT = -1001234567890;

/** The accountants hear in their Telegram group too. */
export const ACCOUNTANT_TELEGRAM_DRAFT = () =>
  draftOf(
    editedDefault(
      "  routes:\n    '*':\n      channels: [trello-comment]\n",
      `  routes:\n    '*':\n      channels: [trello-comment]\n    accountant:\n      channels: [trello-comment, telegram]\n      telegram: [${ACCOUNTANT_CHAT}]\n`,
    ),
  );

/** The rules text in English: the same process, its messages in English. */
export const inEnglish = (text: string): string => {
  if (!text.includes('\nlanguage: ru\n')) throw new Error('inEnglish: the text does not say "language: ru"');
  return text.replace('\nlanguage: ru\n', '\nlanguage: en\n');
};
