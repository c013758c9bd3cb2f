import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import type { Failure } from '../../rules';
import type { Localize } from '../i18n/localize';

/** The popup that lists what the next stage lacks and offers those fields to fill in place. */
export function openMissingPopup(t: HostHandlers, localize: Localize, next: string, failures?: Failure[]): Promise<void> {
  return t.popup({
    title: localize.text('popup-title', { stage: next }),
    url: './missing-popup.html',
    // The server's reasons when it refused (they can name roles, which only it judges); without
    // them the popup works out the gaps itself from the card.
    args: failures ? { next, failures } : { next },
    height: 420,
  });
}
