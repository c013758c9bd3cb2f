import { frameHash, isGkMessage, type HostContext, type RequestMessage } from '../protocol';

export type Frame = {
  frameId: string;
  iframe: HTMLIFrameElement;
  context: HostContext;
  /** Resolves with the capabilities once the frame's client is listening. */
  ready: Promise<string[]>;
  /** Every t.sizeTo height the frame asked for. */
  sized: Promise<number>;
};

export type RequestHandler = (frame: Frame, message: RequestMessage) => Promise<unknown>;

/**
 * The host's side of the iframes: opens each Power-Up page with its frame info in the hash (as
 * Trello passes its context), answers the frames' requests, and invokes their handlers.
 */
export function createFrames(onRequest: RequestHandler) {
  const frames = new Map<string, Frame & { markReady(caps: string[]): void; markSized(height: number): void }>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextFrame = 0;
  let nextCall = 0;

  window.addEventListener('message', (event) => {
    if (!isGkMessage(event.data)) return;
    const message = event.data;
    if (message.gk === 'response') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      return message.ok ? waiting?.resolve(message.value) : waiting?.reject(new Error(message.error));
    }
    const frame = 'frameId' in message ? frames.get(message.frameId) : undefined;
    if (!frame || event.source !== frame.iframe.contentWindow) return;
    if (message.gk === 'ready') return frame.markReady(message.capabilities);
    if (message.gk !== 'request') return;
    if (message.command === 'sizeTo') frame.markSized(Number(message.args[0]));
    onRequest(frame, message).then(
      (value) => post(frame, { gk: 'response', id: message.id, ok: true, value: value ?? null }),
      (err: unknown) => post(frame, { gk: 'response', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });

  const post = (frame: Frame, message: unknown) => frame.iframe.contentWindow?.postMessage(message, '*');
  const call = (frame: Frame, message: Record<string, unknown>) => {
    nextCall += 1;
    const id = nextCall;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post(frame, { ...message, id });
    });
  };

  return {
    open(container: HTMLElement, url: string, context: HostContext, opts: { args?: Record<string, unknown>; name?: string } = {}): Frame {
      nextFrame += 1;
      const frameId = `frame-${nextFrame}`;
      const iframe = document.createElement('iframe');
      let markReady!: (caps: string[]) => void;
      let markSized!: (height: number) => void;
      const ready = new Promise<string[]>((resolve) => (markReady = resolve));
      const sized = new Promise<number>((resolve) => (markSized = resolve));
      const frame = { frameId, iframe, context, ready, sized, markReady, markSized };
      frames.set(frameId, frame);
      // Named before it loads: the name is how tests find the frame (Playwright reads it then).
      if (opts.name) iframe.name = opts.name;
      iframe.src = url.split('#')[0] + frameHash({ frameId, context, args: opts.args ?? {} });
      container.append(iframe);
      return frame;
    },
    invoke: (frame: Frame, capability: string, context: HostContext) => call(frame, { gk: 'invoke', capability, context }),
    callback: (frame: Frame, callbackId: string, context: HostContext) => call(frame, { gk: 'callback', callbackId, context }),
    rerender: (frame: Frame) => post(frame, { gk: 'render' }),
    close(frame: Frame) {
      frames.delete(frame.frameId);
      frame.iframe.remove();
    },
  };
}

export type Frames = ReturnType<typeof createFrames>;
