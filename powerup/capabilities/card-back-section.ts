import type { Capabilities } from '../types/trello-powerup-patch';
import { pageLocale } from '../data/load-card-view';
import { localizeWith } from '../i18n/localize';
import { iconUrl } from './icon-url';

/** «Данные станции»: the form, in an iframe on the card back (one section per Power-Up). */
export const cardBackSection: NonNullable<Capabilities['card-back-section']> = (t) => ({
  title: localizeWith(t, pageLocale(t)).text('section-title'),
  icon: iconUrl('station.svg'),
  // The page sizes itself with t.sizeTo; this is the height before it has drawn.
  content: { type: 'iframe', url: t.signUrl('./card-back.html'), height: 300 },
});
