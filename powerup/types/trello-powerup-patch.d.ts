/**
 * The one place where @types/trellopowerup@1.25.0 is corrected
 * (docs/trello-reference.md §5.10), so that no call site needs a cast:
 *  1. capability handlers are called `(t, opts)` and may answer synchronously or with a promise;
 *  2. a dynamic badge's `dynamic(t)` may answer with a promise (the documented use);
 *  3. `t.getRestApi()` has the token methods (`getToken`, `isAuthorized`, …);
 *  4. `t.jwt({})` answers the signed token as a string.
 * Interfaces merge: an overload declared here is tried before the library's own.
 */
import type { Context } from 'trellopowerup/lib/context';
import type { CallbackHandler } from 'trellopowerup/lib/hosthandlers';
import type {
  BoardButtonCallback,
  CardBackSection,
  CardBadge,
  CardButton,
  CardDetailBadge,
  Plugin,
  PluginOptions,
} from 'trellopowerup/lib/powerup';

declare module 'trellopowerup/lib/powerup' {
  interface CardBadge {
    /** Documented for card-badges: draw the icon in the badge's text colour. */
    monochrome?: boolean;
  }

  interface PowerUp {
    initialize(handlers: Capabilities, options?: PluginOptions): Plugin;
  }
}

declare module 'trellopowerup/lib/restapi' {
  interface Api {
    isAuthorized(): Promise<boolean>;
    authorize(options: { scope: string; expiration?: string }): Promise<string>;
    getToken(): Promise<string | null>;
    clearToken(): Promise<void>;
  }
}

declare module 'trellopowerup/lib/hosthandlers' {
  interface HostHandlers {
    jwt(options: JWTOptions): Promise<string>;
  }
}

type Awaitable<T> = T | Promise<T>;

/** What Trello passes as the second argument of every capability handler. */
export type CapabilityOptions = { locale?: string; context?: Context; [key: string]: unknown };

export type DynamicBadge<B> = { dynamic(t: CallbackHandler): Awaitable<B> };

/** The capabilities this Power-Up registers, typed as Trello really calls them. */
export type Capabilities = {
  'card-badges'?: (t: CallbackHandler, opts: CapabilityOptions) => Awaitable<(CardBadge | DynamicBadge<CardBadge>)[]>;
  'card-detail-badges'?: (
    t: CallbackHandler,
    opts: CapabilityOptions,
  ) => Awaitable<(CardDetailBadge | DynamicBadge<CardDetailBadge>)[]>;
  'card-buttons'?: (t: CallbackHandler, opts: CapabilityOptions) => Awaitable<CardButton[]>;
  'card-back-section'?: (t: CallbackHandler, opts: CapabilityOptions) => Awaitable<CardBackSection>;
  'board-buttons'?: (t: CallbackHandler, opts: CapabilityOptions) => Awaitable<BoardButtonCallback[]>;
  /** The Power-Up's «Settings» menu item: opens its own page (a popup or modal). */
  'show-settings'?: (t: CallbackHandler, opts?: CapabilityOptions) => PromiseLike<void> | void;
};
