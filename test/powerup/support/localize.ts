import en from '../../../powerup/strings/en.json';
import ru from '../../../powerup/strings/ru.json';
import { fillPlaceholders, prepareMessage, type Message } from '../../../powerup/i18n/message';

const STRINGS: Record<'ru' | 'en', Record<string, string>> = { ru, en };

/** What t.localizeKey shows for a message, from the shipped strings files; throws on a missing key. */
export function localized(msg: Message, locale: 'ru' | 'en' = 'ru'): string {
  const { key, data } = prepareMessage(msg, locale);
  const text = STRINGS[locale][key];
  if (text === undefined) throw new Error(`powerup/strings/${locale}.json has no "${key}"`);
  return fillPlaceholders(text, data);
}
