import { isGkMessage, type HostContext, type InvokeMessage, type RenderMessage, type ResponseMessage } from '../protocol';

export type HostChannel = {
  request(command: string, args: unknown[], context: HostContext): Promise<unknown>;
  respond(message: ResponseMessage): void;
  onInvoke(handler: (message: InvokeMessage) => void): void;
  onRender(handler: (message: RenderMessage) => void): void;
  ready(capabilities: string[]): void;
};

/** The frame's side of the post-message channel to the host page (its parent window). */
export function connectToHost(frameId: string): HostChannel {
  let nextId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const invokeHandlers: ((message: InvokeMessage) => void)[] = [];
  const renderHandlers: ((message: RenderMessage) => void)[] = [];
  const post = (message: unknown) => window.parent.postMessage(message, '*');

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isGkMessage(event.data)) return;
    const message = event.data;
    if (message.gk === 'response') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    } else if (message.gk === 'invoke' || message.gk === 'callback') invokeHandlers.forEach((handle) => handle(message));
    else if (message.gk === 'render') renderHandlers.forEach((handle) => handle(message));
  });

  return {
    request(command, args, context) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ gk: 'request', frameId, id, command, args, context });
      });
    },
    respond: post,
    onInvoke: (handler) => void invokeHandlers.push(handler),
    onRender: (handler) => void renderHandlers.push(handler),
    ready: (capabilities) => post({ gk: 'ready', frameId, capabilities }),
  };
}
