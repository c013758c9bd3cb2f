import type { HostContext } from '../protocol';
import type { HostChannel } from './host-channel';
import { localizeKey, localizeNode, type Strings } from './localizer';

export type StandInT = ReturnType<typeof createT>;

/**
 * The `t` a Power-Up page or handler gets, with the methods of @types/trellopowerup's
 * HostHandlers that Gatekeeper uses. Context, permissions, args and strings are answered in the
 * frame, as Trello's client does; storage, board data and UI go to the host.
 */
export function createT(opts: { channel: HostChannel; context: HostContext; args: Record<string, unknown>; strings: () => Strings }) {
  const { channel, context } = opts;
  const ask = (command: string, ...args: unknown[]) => channel.request(command, args, context);
  return {
    getContext: () => context,
    isMemberSignedIn: () => true,
    memberCanWriteToModel: (model: 'board' | 'card' | 'organization') => context.permissions[model] === 'write',
    arg: (name: string, fallback?: unknown) => (name in opts.args ? opts.args[name] : fallback),
    // Trello adds its context to the URL; here the host adds the frame's own when it loads it.
    signUrl: (url: string) => new URL(url, window.location.href).href,
    get: (scope: string, visibility: string, key?: string, fallback?: unknown) => ask('get', scope, visibility, key, fallback),
    getAll: () => ask('getAll'),
    set: (scope: string, visibility: string, key: unknown, value?: unknown) => ask('set', scope, visibility, key, value),
    remove: (scope: string, visibility: string, key: unknown) => ask('remove', scope, visibility, key),
    board: (...fields: string[]) => ask('board', ...fields),
    card: (...fields: string[]) => ask('card', ...fields),
    cards: (...fields: string[]) => ask('cards', ...fields),
    list: (...fields: string[]) => ask('list', ...fields),
    lists: (...fields: string[]) => ask('lists', ...fields),
    member: (...fields: string[]) => ask('member', ...fields),
    jwt: (options: { state?: string } = {}) => ask('jwt', options),
    popup: (options: { url?: string; [key: string]: unknown }) =>
      // A popup's URL is relative to the frame that opens it.
      ask('popup', { ...options, ...(options.url ? { url: new URL(options.url, window.location.href).href } : {}) }),
    closePopup: () => ask('closePopup'),
    modal: (options: { url: string; [key: string]: unknown }) =>
      // Like a popup's, a modal's URL is relative to the frame that opens it.
      ask('modal', { ...options, url: new URL(options.url, window.location.href).href }),
    updateModal: (options: Record<string, unknown>) => ask('updateModal', options),
    closeModal: () => ask('closeModal'),
    showCard: (idCard: string) => ask('showCard', idCard),
    alert: (options: { message: string; duration?: number; display?: string }) => ask('alert', options),
    hideAlert: () => ask('hideAlert'),
    sizeTo: (target: string | number | Element) => ask('sizeTo', heightOf(target)),
    localizeKey: (key: string, data?: Record<string, string>) => localizeKey(opts.strings(), key, data),
    localizeKeys: (keys: (string | [string, Record<string, string>])[]) =>
      keys.map((key) => (typeof key === 'string' ? localizeKey(opts.strings(), key) : localizeKey(opts.strings(), key[0], key[1]))),
    localizeNode: (node: Element) => localizeNode(opts.strings(), node),
  };
}

/** What t.sizeTo measures: an element's full height, a selector's, or a number of pixels. */
function heightOf(target: string | number | Element): number {
  if (typeof target === 'number') return target;
  const el = typeof target === 'string' ? document.querySelector(target) : target;
  if (!el) throw new Error(`[stand-in] t.sizeTo: nothing matches ${String(target)}`);
  return Math.ceil(Math.max(el.getBoundingClientRect().height, el.scrollHeight));
}
