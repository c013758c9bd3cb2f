import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import { prepareMessage, type Message } from './message';

/** Trello's localization (docs/trello-reference.md §5.9): Russian first, English second. */
export const LOCALIZATION = {
  defaultLocale: 'ru',
  supportedLocales: ['ru', 'en'],
  resourceUrl: './strings/{locale}.json',
};

export type Localize = {
  /** A string of powerup/strings/{locale}.json with its `{placeholders}` filled in. */
  text(key: string, data?: Message['data']): string;
  /** A model's message: plural form and numbers for the locale. */
  message(msg: Message): string;
};

export function localizeWith(t: Pick<HostHandlers, 'localizeKey'>, locale: string): Localize {
  const message = (msg: Message) => {
    const prepared = prepareMessage(msg, locale);
    return t.localizeKey(prepared.key, prepared.data);
  };
  return { message, text: (key, data) => message(data ? { key, data } : { key }) };
}
