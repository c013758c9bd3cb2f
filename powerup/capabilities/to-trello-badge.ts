import type { CardBadge, CardDetailBadge } from 'trellopowerup/lib/powerup';
import type { Localize } from '../i18n/localize';
import type { BadgeModel } from '../model/badge-model';

/** Trello's badge object for a model: text in the member's language, colour when it has one. */
export function toCardBadge(model: BadgeModel, localize: Localize): CardBadge {
  return { text: localize.message(model.text), ...(model.color ? { color: model.color } : {}) };
}

export function toDetailBadge(model: BadgeModel, localize: Localize): CardDetailBadge {
  return { title: localize.message(model.title), ...toCardBadge(model, localize) };
}
