// The test host: plays Trello for the Power-Up's real pages. It loads the connector in an iframe,
// calls its capability handlers, draws badges, the card back, popups and alerts, and answers `t`
// from an in-memory board and pluginData store (4096-character limit included).
import { isCallbackRef, type CallbackRef, type HostContext } from '../protocol';
import { badgeElements, resolveBadges, shown } from './badges';
import { createBoardModel } from './board-model';
import { renderCardView } from './card-view';
import { el } from './dom';
import { createFrames, type Frame } from './frames';
import { handleRequest } from './handle-request';
import type { HostApi, HostConfig, ShownBadge } from './host-config';
import { createHostUi } from './host-ui';
import { createPluginStore } from './plugin-store';

let started: { config: HostConfig; connector: Frame; api: Omit<HostApi, 'start'> } | undefined;

window.gkHost = {
  async start(config) {
    const board = createBoardModel(config);
    const store = createPluginStore(config.pluginData);
    let open: { cardId: string; section: Frame | undefined; refresh(): Promise<void> } | undefined;
    const frames = createFrames((frame, message) => handleRequest({ config, board, store, ui }, frame, message));
    const hostUi = createHostUi(
      frames,
      (cardId) => {
        if (open?.cardId !== cardId || !open.section) return;
        // Trello reloads a card-back section whenever the card's pluginData changes (docs/trello-reference.md §5.1).
        open.section.iframe.src = open.section.iframe.src.replace('#', `?reload=${Date.now()}#`);
        void open.refresh();
      },
      // t.showCard opens a card of the board; one the test did not put on the host board is only recorded.
      async (cardId) => {
        if (board.cards().some((card) => card.id === cardId)) await started?.api.openCard(cardId);
      },
    );
    const { ui, alerts } = hostUi;
    const context = (cardId?: string): HostContext => ({
      board: config.board.id,
      ...(cardId ? { card: cardId } : {}),
      member: config.member.id,
      locale: config.locale,
      permissions: { board: config.canWrite ? 'write' : 'read', card: config.canWrite ? 'write' : 'read', organization: 'read' },
      plugin: config.plugin,
      version: 'test',
      theme: 'light',
    });
    const connector = frames.open(document.getElementById('connector-layer')!, config.connectorUrl, context());
    await connector.ready;
    const boardRoot = document.getElementById('board')!;
    const cardRoot = document.getElementById('card-layer')!;
    const listName = (cardId: string) => config.lists.find((l) => l.id === board.card(cardId).idList)?.name ?? '';
    started = {
      config,
      connector,
      api: {
        async renderBoard() {
          const shownBadges: Record<string, ShownBadge[]> = {};
          const columns = config.lists.map((list) => el('div', { class: 'list', 'data-list-id': list.id }, [el('h3', {}, [list.name])]));
          await Promise.all(
            board.cards().map(async (card) => {
              const badges = await resolveBadges(frames, connector, await frames.invoke(connector, 'card-badges', context(card.id)), context(card.id));
              shownBadges[card.id] = badges.map(shown);
              const tile = el('div', { class: 'card', 'data-card-id': card.id }, [el('div', { class: 'card-name' }, [card.name]), el('div', { class: 'badges' }, badgeElements(badges))]);
              columns[config.lists.findIndex((l) => l.id === card.idList)]?.append(tile);
            }),
          );
          boardRoot.replaceChildren(...columns);
          return shownBadges;
        },
        async openCard(cardId) {
          const name = board.card(cardId).name;
          const view = await renderCardView({ root: cardRoot, frames, connector, context: context(cardId), cardName: name, listName: listName(cardId) });
          open = { cardId, section: view.section, refresh: view.refresh };
          if (view.section) await view.section.ready;
          return { detailBadges: view.detailBadges, buttons: view.buttons };
        },
        closeCard() {
          if (open?.section) frames.close(open.section);
          open = undefined;
          cardRoot.replaceChildren();
        },
        async renderBoardButtons() {
          type BoardButton = { text: string; icon: { light: string; dark: string }; callback?: CallbackRef };
          const buttons = ((await frames.invoke(connector, 'board-buttons', context())) as BoardButton[] | null) ?? [];
          document.getElementById('board-header')!.replaceChildren(
            el('h1', {}, [config.board.name]),
            ...buttons.map((button) => {
              const node = el('button', { class: 'board-button' }, [el('img', { src: button.icon.light, alt: '' }), button.text]);
              if (isCallbackRef(button.callback)) {
                const ref = button.callback;
                node.addEventListener('click', () => void frames.callback(connector, ref.__gkCallback, context()));
              }
              return node;
            }),
          );
          return buttons.map((button) => button.text);
        },
        modal: hostUi.modal,
        shownCards: hostUi.shownCards,
        pluginData: (cardId) => store.card(cardId),
        alerts,
        moveCard: (cardId, listId) => board.moveCard(cardId, listId),
        sync(cards, pluginData) {
          board.replaceCards(cards);
          store.replaceCards(pluginData);
        },
        refreshCard: async () => open?.refresh(),
        rerenderSection() {
          if (open?.section) frames.rerender(open.section);
        },
      },
    };
  },
  renderBoard: () => api().renderBoard(),
  openCard: (cardId) => api().openCard(cardId),
  closeCard: () => api().closeCard(),
  renderBoardButtons: () => api().renderBoardButtons(),
  modal: () => api().modal(),
  shownCards: () => api().shownCards(),
  pluginData: (cardId) => api().pluginData(cardId),
  alerts: () => api().alerts(),
  moveCard: (cardId, listId) => api().moveCard(cardId, listId),
  sync: (cards, pluginData) => api().sync(cards, pluginData),
  refreshCard: () => api().refreshCard(),
  rerenderSection: () => api().rerenderSection(),
};

function api(): Omit<HostApi, 'start'> {
  if (!started) throw new Error('[host] call gkHost.start(config) first');
  return started.api;
}
