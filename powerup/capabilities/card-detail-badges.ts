import type { CardDetailBadge } from 'trellopowerup/lib/powerup';
import type { Capabilities } from '../types/trello-powerup-patch';
import type { BoardSources } from '../data/board-sources';
import { loadCardView } from '../data/load-card-view';
import { localizeWith } from '../i18n/localize';
import { cardBadgeModels } from '../model/card-badge-models';
import { quietly } from './card-badges';
import { openMissingPopup } from './open-missing-popup';
import { toDetailBadge } from './to-trello-badge';

/**
 * The same badges on the card back, with titles; the readiness badge, when something is missing,
 * opens the popup that lists exactly what and offers the fields.
 */
export function createCardDetailBadges(sources: BoardSources): NonNullable<Capabilities['card-detail-badges']> {
  return async function cardDetailBadges(t) {
    const view = await loadCardView(t, sources).catch(quietly);
    if (!view) return [];
    const localize = localizeWith(t, view.locale);
    return cardBadgeModels(view).map((model): CardDetailBadge => {
      const badge = toDetailBadge(model, localize);
      const { next, failures } = model;
      if (model.kind !== 'readiness' || !next || !failures?.length) return badge;
      return { ...badge, callback: (clicked) => void openMissingPopup(clicked, localize, next) };
    });
  };
}
