import { el } from './dom';
import type { Frame, Frames } from './frames';
import type { HostUi } from './handle-request';

/** Trello caps a card-back section at 1500 px; popups are a fixed 304 px wide. */
const MAX_SECTION_HEIGHT = 1500;

/** Popups and modals (as iframes over the page), alerts (toasts) and frame heights. */
export function createHostUi(frames: Frames, onCardDataChanged: (cardId: string) => void, onShowCard: (cardId: string) => Promise<void>) {
  const popupLayer = document.getElementById('popup-layer')!;
  const modalLayer = document.getElementById('modal-layer')!;
  const alertLayer = document.getElementById('alert-layer')!;
  const alerts: { message: string; display: string }[] = [];
  const shownCards: string[] = [];
  let popup: Frame | undefined;
  let modal: { frame: Frame; fullscreen: boolean; title: string } | undefined;

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
    modal(context, options) {
      ui.closeModal();
      const close = el('button', { class: 'modal-close', 'aria-label': 'Закрыть' }, ['×']);
      close.addEventListener('click', () => ui.closeModal());
      const body = el('div', { class: 'modal-body' });
      const fullscreen = options.fullscreen === true;
      modalLayer.replaceChildren(
        el('div', { class: `modal${fullscreen ? ' modal-fullscreen' : ''}`, role: 'dialog', 'aria-label': options.title ?? '' }, [
          el('div', { class: 'modal-header' }, [el('span', {}, [options.title ?? '']), close]),
          body,
        ]),
      );
      const frame = frames.open(body, options.url, context, { args: options.args ?? {}, name: 'modal' });
      if (!fullscreen) frame.iframe.style.height = `${options.height ?? 400}px`;
      modal = { frame, fullscreen, title: options.title ?? '' };
    },
    closeModal() {
      if (modal) frames.close(modal.frame);
      modal = undefined;
      modalLayer.replaceChildren();
    },
    async showCard(cardId) {
      shownCards.push(cardId);
      await onShowCard(cardId);
    },
    alert({ message, display = 'info' }) {
      alerts.push({ message, display });
      const toast = el('div', { class: `alert alert-${display}`, role: 'alert' }, [message]);
      alertLayer.append(toast);
      setTimeout(() => toast.remove(), 6000);
    },
    sizeTo(frame, height) {
      // A full-screen modal is as tall as the window whatever the page asks.
      if (modal?.frame === frame && modal.fullscreen) return;
      const cap = frame === popup || frame === modal?.frame ? window.innerHeight - 80 : MAX_SECTION_HEIGHT;
      frame.iframe.style.height = `${Math.min(Math.max(height, 20), cap)}px`;
    },
    cardDataChanged: onCardDataChanged,
  };
  return {
    ui,
    alerts: () => [...alerts],
    shownCards: () => [...shownCards],
    modal: () => (modal ? { title: modal.title, fullscreen: modal.fullscreen } : null),
  };
}
