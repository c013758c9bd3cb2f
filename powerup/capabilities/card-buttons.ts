import type { CallbackHandler } from 'trellopowerup/lib/hosthandlers';
import type { Capabilities } from '../types/trello-powerup-patch';
import type { BoardSources } from '../data/board-sources';
import { loadCardView, pageLocale } from '../data/load-card-view';
import { moveToNextStage } from '../data/move-to-next-stage';
import { localizeWith } from '../i18n/localize';
import { readinessFor } from '../model/readiness';
import { iconUrl } from './icon-url';
import { openMissingPopup } from './open-missing-popup';

/** «Следующий этап»: check first, ask for what is missing, and only then ask the server to move. */
export function createCardButtons(sources: BoardSources): NonNullable<Capabilities['card-buttons']> {
  return function cardButtons(t) {
    const localize = localizeWith(t, pageLocale(t));
    return [
      {
        icon: iconUrl('next-stage.svg'),
        text: localize.text('button-next-stage'),
        condition: 'edit',
        callback: (clicked) => nextStage(clicked, sources).catch((err: unknown) => failed(clicked, err)),
      },
    ];
  };
}

async function nextStage(t: CallbackHandler, sources: BoardSources): Promise<void> {
  const view = await loadCardView(t, sources);
  const localize = localizeWith(t, view.locale);
  const readiness = readinessFor(view.config, view.listName, view.card);
  if (readiness.kind === 'no-next-stage') {
    return t.alert({ message: localize.text('alert-no-next-stage', { stage: view.listName }), display: 'warning' });
  }
  if (readiness.kind === 'missing') return openMissingPopup(t, localize, readiness.next);
  const outcome = await moveToNextStage(t, sources, localize, view.cardId);
  if (outcome.kind === 'refused') return openMissingPopup(t, localize, outcome.to, outcome.failures);
  return t.alert({ message: outcome.alert, display: outcome.kind === 'moved' ? 'success' : 'error', duration: 6 });
}

function failed(t: CallbackHandler, err: unknown): Promise<void> {
  const reason = err instanceof Error ? err.message : String(err);
  return t.alert({ message: localizeWith(t, pageLocale(t)).text('alert-move-failed', { reason }), display: 'error', duration: 8 });
}
