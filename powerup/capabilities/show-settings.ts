import type { CallbackHandler } from 'trellopowerup/lib/hosthandlers';
import { pageLocale } from '../data/load-card-view';
import { localizeWith } from '../i18n/localize';
import type { CapabilityOptions } from '../types/trello-powerup-patch';

/**
 * The Power-Up's settings (Trello's «Настройки» of the Power-Up): the rules editor in a
 * full-screen modal. Trello shows the menu item to the board's members; the editor's API refuses
 * anyone who is not an admin (a Trello admin of the board or in a role of the rules' `admins`),
 * and the page shows the server's refusal.
 */
export const showSettings = (t: CallbackHandler, _opts?: CapabilityOptions): PromiseLike<void> => {
  const localize = localizeWith(t, pageLocale(t));
  return t.modal({ url: './rules-editor.html', fullscreen: true, title: localize.text('rules-editor-modal-title') });
};
