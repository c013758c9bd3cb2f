import type { CallbackHandler } from 'trellopowerup/lib/hosthandlers';
import type { Capabilities } from '../types/trello-powerup-patch';
import { loadCardView } from '../data/load-card-view';
import type { BoardSources } from '../data/board-sources';
import { localizeWith } from '../i18n/localize';
import { cardBadgeModels } from '../model/card-badge-models';
import { timeBadge } from '../model/time-badge';
import { toCardBadge } from './to-trello-badge';

/**
 * Trello re-runs the badges whenever the card changes; only the time in the stage changes by
 * itself, so only that badge is dynamic. Ten minutes is often enough for a count of working days
 * (Trello's minimum is 10 s and it asks for "as high as reasonable").
 */
export const TIME_REFRESH_SECONDS = 600;

/** The card front: readiness for the next stage, the stage's checklist, time in the stage. */
export function createCardBadges(sources: BoardSources): NonNullable<Capabilities['card-badges']> {
  return async function cardBadges(t) {
    const view = await loadCardView(t, sources).catch(quietly);
    if (!view) return [];
    const localize = localizeWith(t, view.locale);
    return cardBadgeModels(view).map((model) => {
      if (model.kind !== 'time') return toCardBadge(model, localize);
      let first: typeof model | undefined = model;
      return {
        dynamic: async (later: CallbackHandler) => {
          // The first run is the model just computed; later runs (every refresh) read again.
          const now = first ?? timeBadge((await loadCardView(later, sources).catch(quietly))?.time);
          first = undefined;
          return now ? { ...toCardBadge(now, localize), refresh: TIME_REFRESH_SECONDS } : { refresh: TIME_REFRESH_SECONDS };
        },
      };
    });
  };
}

/** A badge that cannot load (server down, member signed out) must not break Trello's board. */
export function quietly(err: unknown): undefined {
  console.warn('[gatekeeper] badges unavailable:', err);
  return undefined;
}
