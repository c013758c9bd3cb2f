import { el } from './dom';
import type { Frame, Frames } from './frames';
import type { HostUi } from './handle-request';

/** Trello caps a card-back section at 1500 px; popups are a fixed 304 px wide. */
const MAX_SECTION_HEIGHT = 1500;

/** Popups (as iframes over the page), alerts (toasts) and frame heights. */
export function createHostUi(frames: Frames, onCardDataChanged: (cardId: string) => void) {
  const popupLayer = document.getElementById('popup-layer')!;
  const alertLayer = document.getElementById('alert-layer')!;
  const alerts: { message: string; display: string }[] = [];
  let popup: Frame | undefined;

  const ui: HostUi = {
    popup(context, options) {
      ui.closePopup();
      if (!options.url) throw new Error('[host] only iframe popups are supported');
      const close = el('button', { class: 'popup-close', 'aria-label': 'Закрыть' }, ['×']);
      close.addEventListener('click', () => ui.closePopup());
      const body = el('div', { class: 'popup-body' });
      popupLayer.replaceChildren(el('div', { class: 'popup', role: 'dialog' }, [el('div', { class: 'popup-header' }, [el('span', {}, [options.title]), close]), body]));
      popup = frames.open(body, options.url, context, { args: options.args ?? {}, name: 'popup' });
      popup.iframe.style.height = `${options.height ?? 300}px`;
    },
    closePopup() {
      if (popup) frames.close(popup);
      popup = undefined;
      popupLayer.replaceChildren();
    },
    alert({ message, display = 'info' }) {
      alerts.push({ message, display });
      const toast = el('div', { class: `alert alert-${display}`, role: 'alert' }, [message]);
      alertLayer.append(toast);
      setTimeout(() => toast.remove(), 6000);
    },
    sizeTo(frame, height) {
      const cap = frame === popup ? window.innerHeight - 80 : MAX_SECTION_HEIGHT;
      frame.iframe.style.height = `${Math.min(Math.max(height, 20), cap)}px`;
    },
    cardDataChanged: onCardDataChanged,
  };
  return { ui, alerts: () => [...alerts] };
}
