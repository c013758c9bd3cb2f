import type { IFrame } from 'trellopowerup/lib/powerup';
import { LOCALIZATION } from '../i18n/localize';
import { h } from './h';

/**
 * The frame of every secondary page (card back, popup): Trello's iframe client with our
 * localization, drawing inside t.render (Trello calls it again when the card changes), and the
 * iframe sized to the content after every draw and every change of height (t.sizeTo).
 */
export function startPage(draw: (t: IFrame, root: HTMLElement) => Promise<void>): void {
  const t = window.TrelloPowerUp.iframe({ localization: LOCALIZATION });
  const root = document.getElementById('root') ?? document.body;
  let pending = false;
  const fit = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      void t.sizeTo(root);
    });
  };
  new ResizeObserver(fit).observe(root);
  t.render(() => {
    draw(t, root)
      .catch((err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        root.replaceChildren(h('p', { class: 'gk-status gk-status-error', text: t.localizeKey('page-load-failed', { reason }) }));
      })
      .finally(fit);
  });
}
