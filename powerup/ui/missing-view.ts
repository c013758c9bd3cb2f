import type { Failure } from '../../rules';
import type { Localize } from '../i18n/localize';
import { h } from './h';

/** The reasons, one per line, in the member's language. */
export function reasonsList(failures: readonly Failure[], language: 'ru' | 'en'): HTMLElement {
  return h('ul', { class: 'gk-reasons' }, failures.map((f) => h('li', { text: f[language] })));
}

/** When nothing is missing any more: say so, and offer the move. */
export function readyBlock(opts: {
  next: string;
  canMove: boolean;
  localize: Localize;
  onMove(button: HTMLButtonElement): void;
}): HTMLElement {
  const { localize } = opts;
  const button = h('button', {
    class: 'gk-button gk-button-primary',
    text: localize.text('popup-move', { stage: opts.next }),
    attrs: { type: 'button' },
  });
  button.addEventListener('click', () => opts.onMove(button));
  return h('div', { class: 'gk-ready' }, [
    h('p', { class: 'gk-chip gk-chip-green', text: localize.text('popup-ready', { stage: opts.next }) }),
    opts.canMove ? button : null,
  ]);
}

/** A hint for reasons that have no field here: checklists are ticked on the card itself. */
export function checklistHint(failures: readonly Failure[], localize: Localize): HTMLElement | null {
  const onChecklists = failures.some((f) => f.code === 'checklist_missing' || f.code === 'checklist_incomplete');
  return onChecklists ? h('p', { class: 'gk-help', text: localize.text('popup-checklist-hint') }) : null;
}
