import type { HostContext, RequestMessage } from '../protocol';
import type { BoardModel } from './board-model';
import type { Frame } from './frames';
import type { HostConfig } from './host-config';
import type { PluginStore } from './plugin-store';

/** What the host does for the UI side of `t`: popups, alerts, frame heights, re-draws. */
export type HostUi = {
  /** Opened in the context of the call (the card whose button or badge was clicked). */
  popup(context: HostContext, options: { title: string; url?: string; args?: Record<string, unknown>; height?: number }): void;
  closePopup(): void;
  /** t.modal: an iframe over the board, full-screen when asked. */
  modal(context: HostContext, options: { url: string; title?: string; fullscreen?: boolean; height?: number; args?: Record<string, unknown> }): void;
  closeModal(): void;
  /** t.showCard: Trello opens the card over whatever is shown. */
  showCard(cardId: string): Promise<void>;
  alert(options: { message: string; display?: string }): void;
  sizeTo(frame: Frame, height: number): void;
  /** Shared card data changed: Trello reloads the card-back section and re-asks for badges. */
  cardDataChanged(cardId: string): void;
};

/** Answers one `t` call from a frame, as Trello would for the member and card in its context. */
export async function handleRequest(
  deps: { config: HostConfig; board: BoardModel; store: PluginStore; ui: HostUi },
  frame: Frame,
  { command, args, context }: RequestMessage,
): Promise<unknown> {
  const { board, store, ui } = deps;
  const failure = window.gkFailNext;
  if (failure?.command === command && failure.frame === frame.iframe.name) {
    window.gkFailNext = undefined;
    throw new Error(failure.message);
  }
  const delay = window.gkDelayNext;
  if (delay?.command === command && delay.frame === frame.iframe.name) {
    window.gkDelayNext = undefined;
    await new Promise((resolve) => setTimeout(resolve, delay.ms));
  }
  switch (command) {
    case 'card':
      return board.card(context.card);
    case 'list':
      return board.list(context.card);
    case 'lists':
      return board.lists();
    case 'board':
      return board.board();
    case 'member':
      return board.member();
    case 'jwt':
      if (!window.gkMintJwt) throw new Error('[host] the test exposed no gkMintJwt');
      return window.gkMintJwt();
    case 'get': {
      const [scope, visibility, key, fallback] = args as [string, string, string | undefined, unknown];
      const [model, id] = modelOf(scope, context);
      return store.get(model, id, visibility, key, fallback);
    }
    case 'set':
    case 'remove':
      return write(deps, command, args, context);
    case 'popup':
      return ui.popup(context, args[0] as Parameters<HostUi['popup']>[1]);
    case 'closePopup':
      return ui.closePopup();
    case 'modal':
      return ui.modal(context, args[0] as Parameters<HostUi['modal']>[1]);
    case 'updateModal':
      return undefined;
    case 'closeModal':
      return ui.closeModal();
    case 'showCard':
      return ui.showCard(String(args[0]));
    case 'alert':
      return ui.alert(args[0] as { message: string; display?: string });
    case 'hideAlert':
      return undefined;
    case 'sizeTo':
      return ui.sizeTo(frame, Number(args[0]));
    default:
      throw new Error(`[host] t.${command} is not supported by the test host`);
  }
}

async function write(deps: Parameters<typeof handleRequest>[0], command: string, args: unknown[], context: RequestMessage['context']) {
  const [scope, visibility, keyOrEntries, value] = args as [string, string, unknown, unknown];
  const [model, id] = modelOf(scope, context);
  if (model !== 'member' && context.permissions[model as 'card' | 'board'] !== 'write') {
    throw new Error(`[host] the member may not write to this ${model}`);
  }
  const next =
    command === 'set'
      ? deps.store.set(model, id, visibility, typeof keyOrEntries === 'string' ? { [keyOrEntries]: value } : (keyOrEntries as Record<string, unknown>))
      : deps.store.remove(model, id, visibility, Array.isArray(keyOrEntries) ? keyOrEntries : [String(keyOrEntries)]);
  if (model === 'card' && visibility === 'shared') {
    await window.gkOnSet?.(id, next);
    deps.ui.cardDataChanged(id);
  }
}

/** `card`, `board`, `member`, or a card id of the board: the model t.get/t.set address. */
function modelOf(scope: string, context: RequestMessage['context']): [string, string] {
  if (scope === 'card') {
    if (!context.card) throw new Error("[host] t.get('card', …) outside a card");
    return ['card', context.card];
  }
  if (scope === 'board') return ['board', context.board];
  if (scope === 'member') return ['member', context.member];
  return ['card', scope];
}
