// The messages between the test host (playing Trello) and the Power-Up's iframes (running the
// stand-in for Trello's client library). Real Trello speaks its own post-message protocol; only
// the `t` API the pages see has to match, and that is @types/trellopowerup's.

/** What a frame knows about itself: read from its URL's hash, as Trello passes context there. */
export type FrameInfo = {
  frameId: string;
  context: HostContext;
  args: Record<string, unknown>;
};

/** Trello's t.getContext() (the fields the Power-Up reads). */
export type HostContext = {
  board: string;
  card?: string;
  member: string;
  locale: string;
  permissions: { board: 'read' | 'write'; card: 'read' | 'write'; organization: 'read' | 'write' };
  plugin: string;
  version: string;
  theme: 'light';
};

/** Frame → host: a `t` call that only Trello can answer (storage, board data, UI). */
export type RequestMessage = { gk: 'request'; frameId: string; id: number; command: string; args: unknown[]; context: HostContext };
/** Host → frame: run a capability handler or a callback the frame returned earlier. */
export type InvokeMessage =
  | { gk: 'invoke'; id: number; capability: string; context: HostContext }
  | { gk: 'callback'; id: number; callbackId: string; context: HostContext };
/** Either way: the answer to a request or an invocation. */
export type ResponseMessage = { gk: 'response'; id: number; ok: true; value: unknown } | { gk: 'response'; id: number; ok: false; error: string };
/** Frame → host once it is listening. */
export type ReadyMessage = { gk: 'ready'; frameId: string; capabilities: string[] };
/** Host → frame: the card changed, draw again (Trello calls t.render's function). */
export type RenderMessage = { gk: 'render' };

export type GkMessage = RequestMessage | InvokeMessage | ResponseMessage | ReadyMessage | RenderMessage;

/** A function in a handler's answer travels as a reference the host can call back. */
export type CallbackRef = { __gkCallback: string };

export const HASH_KEY = 'gk=';

export function isGkMessage(data: unknown): data is GkMessage {
  return typeof data === 'object' && data !== null && typeof (data as { gk?: unknown }).gk === 'string';
}

export function isCallbackRef(value: unknown): value is CallbackRef {
  return typeof value === 'object' && value !== null && typeof (value as CallbackRef).__gkCallback === 'string';
}

export function frameHash(info: FrameInfo): string {
  return `#${HASH_KEY}${encodeURIComponent(JSON.stringify(info))}`;
}

declare global {
  interface Window {
    /** Set by Trello's client to the locale it picked (docs/trello-reference.md §5.9). */
    locale: string;
  }
}
