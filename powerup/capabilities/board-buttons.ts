import type { Capabilities } from '../types/trello-powerup-patch';
import { pageLocale } from '../data/load-card-view';
import { localizeWith } from '../i18n/localize';
import { iconUrl } from './icon-url';

/**
 * «Сводка» on the board's header: the director's view in a full-screen modal. Every signed-in
 * member sees it (the API decides what each may see: people and exports only for the viewers).
 */
export const boardButtons: NonNullable<Capabilities['board-buttons']> = (t) => {
  const localize = localizeWith(t, pageLocale(t));
  return [
    {
      // `dark` is the icon for a dark board header, `light` for a light one.
      icon: { dark: iconUrl('summary-white.svg'), light: iconUrl('summary.svg') },
      text: localize.text('board-button-summary'),
      condition: 'signedIn',
      callback: (clicked) => clicked.modal({ url: './summary.html', fullscreen: true, title: localize.text('report-modal-title') }),
    },
  ];
};
