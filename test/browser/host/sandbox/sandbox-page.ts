// The sandbox's board page (npm run sandbox): the test host plays Trello with the Power-Up's real
// frames, and this script puts the simulator's board under it. It polls the board, lets the trainee
// drag cards between lists as the chosen member, and shows the bot's comments as they land.
import type { SandboxBoard, SandboxComment } from '../../../sandbox/sandbox-board';
import { isSandboxRole, SANDBOX_ROLE_TITLES, SANDBOX_ROLES, type SandboxRole } from '../../../sandbox/sandbox-roles';
import { el } from '../trello/dom';

const POLL_MS = 1500;
const BOT = 'gatekeeper';
/** Trello's comment badge: a speech bubble (an SVG, as no emoji font is guaranteed). */
const COMMENT_ICON =
  '<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z"/></svg>';

const asked = new URLSearchParams(location.search).get('member');
const role: SandboxRole = isSandboxRole(asked) ? asked : 'manager';

let current: SandboxBoard;
let openCardId: string | undefined;
/** A drag waits for the service's verdict: polling then would draw the card in between. */
let moving = false;
/** Card data written from this page: a poll that began before a write, or during one, may carry the old data. */
let writes = 0;
let writesInFlight = 0;
const seen = new Set<string>();

async function call(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(path, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}
const post = (path: string, body: Record<string, unknown>) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ member: role, ...body }) });
/** A write from this page, counted so that no poll draws the board as it was before it. */
async function written<T>(work: () => Promise<T>): Promise<T> {
  writes += 1;
  writesInFlight += 1;
  try {
    return await work();
  } finally {
    writesInFlight -= 1;
  }
}
const readBoard = async () => (await (await call(`/sandbox/board?member=${role}`)).json()) as SandboxBoard;

// What the browser tests expose through Playwright, here answered by the sandbox server.
window.gkMintJwt = async () => (await call(`/sandbox/jwt?member=${role}`)).text();
window.gkOnSet = async (cardId, value) => {
  await written(() => post('/sandbox/plugin-data', { cardId, value }));
};

async function start(): Promise<void> {
  current = await readBoard();
  for (const [cardId, comments] of Object.entries(current.comments)) for (const c of comments) seen.add(commentKey(cardId, c));
  drawBar();
  await window.gkHost.start({ ...current.config, connectorUrl: `http://127.0.0.1:${location.port}/powerup/connector.html` });
  await window.gkHost.renderBoardButtons();
  await drawBoard();
  document.body.dataset['sandboxReady'] = 'true';
  setInterval(() => void poll(), POLL_MS);
}

function drawBar(): void {
  const select = el('select', { 'data-testid': 'member-switch' });
  for (const r of SANDBOX_ROLES) {
    const name = current.members.find((m) => m.role === r)?.fullName ?? r;
    const option = el('option', { value: r }, [`${SANDBOX_ROLE_TITLES[r]} — ${name}`]);
    option.selected = r === role;
    select.append(option);
  }
  // Another member is another Trello session: the page starts again as them.
  select.addEventListener('change', () => (location.search = `?member=${select.value}`));
  document.getElementById('sandbox-bar')!.replaceChildren(
    el('strong', {}, ['Песочница Gatekeeper']),
    el('span', { class: 'hint' }, ['Перетащите карточку в другую колонку или откройте её щелчком. Это учебная доска, настоящий Trello не затрагивается.']),
    el('label', {}, ['Вы:', select]),
  );
}

async function drawBoard(): Promise<void> {
  await window.gkHost.renderBoard();
  for (const column of document.querySelectorAll<HTMLElement>('.list[data-list-id]')) {
    const listId = column.dataset['listId']!;
    column.addEventListener('dragover', (event) => {
      event.preventDefault();
      column.classList.add('sandbox-drop');
    });
    column.addEventListener('dragleave', () => column.classList.remove('sandbox-drop'));
    column.addEventListener('drop', (event) => {
      event.preventDefault();
      column.classList.remove('sandbox-drop');
      const cardId = event.dataTransfer?.getData('text/plain');
      if (cardId) void move(cardId, listId);
    });
  }
  for (const tile of document.querySelectorAll<HTMLElement>('.card[data-card-id]')) {
    const cardId = tile.dataset['cardId']!;
    tile.draggable = true;
    tile.addEventListener('dragstart', (event) => {
      event.dataTransfer?.setData('text/plain', cardId);
      tile.classList.add('sandbox-dragging');
    });
    tile.addEventListener('dragend', () => tile.classList.remove('sandbox-dragging'));
    tile.addEventListener('click', () => void openCard(cardId));
    const count = current.comments[cardId]?.length ?? 0;
    if (count > 0) {
      const badge = el('span', { class: 'sandbox-count', title: 'Комментарии' }, [String(count)]);
      badge.insertAdjacentHTML('afterbegin', COMMENT_ICON);
      tile.querySelector('.badges')?.append(badge);
    }
  }
}

/** A drop: the card moves at once, as in Trello; the service's verdict may send it back. */
async function move(cardId: string, listId: string): Promise<void> {
  const before = current.config.cards.find((c) => c.id === cardId);
  if (!before || before.idList === listId || moving) return;
  moving = true;
  try {
    window.gkHost.moveCard(cardId, listId);
    await drawBoard();
    const { idList } = (await (await post('/sandbox/move', { cardId, listId })).json()) as { idList: string };
    const refused = idList !== listId;
    await apply(await readBoard(), refused ? cardId : undefined);
    if (refused) document.querySelector(`.card[data-card-id="${cardId}"]`)?.classList.add('sandbox-snapped');
  } catch (err) {
    notice('Перенос не удался', (err as Error).message, { refused: true });
    await apply(await readBoard());
  } finally {
    moving = false;
  }
}

async function poll(): Promise<void> {
  if (moving || writesInFlight > 0) return;
  const writesBefore = writes;
  try {
    const next = await readBoard();
    if (!moving && writes === writesBefore) await apply(next);
  } catch {
    // The sandbox was stopped (Ctrl+C) or is restarting: the next poll tries again.
  }
}

/** Draws what changed since the last read; new comments from the bot become notices. */
async function apply(next: SandboxBoard, refusedCardId?: string): Promise<void> {
  const previous = current;
  current = next;
  const cardsChanged = JSON.stringify([previous.config.cards, previous.config.pluginData]) !== JSON.stringify([next.config.cards, next.config.pluginData]);
  const commentsChanged = JSON.stringify(previous.comments) !== JSON.stringify(next.comments);
  window.gkHost.sync(next.config.cards, next.config.pluginData ?? {});
  if (cardsChanged || commentsChanged || refusedCardId) await drawBoard();
  if (openCardId) {
    const was = previous.config.cards.find((c) => c.id === openCardId);
    const now = next.config.cards.find((c) => c.id === openCardId);
    if (!now) closeCard();
    else if (was?.idList !== now.idList) await openCard(openCardId);
    else {
      // Only what changed is drawn again: a new comment must not replace the checklist's boxes
      // under a click (a press on the old box and a release on the new one toggle nothing).
      if (JSON.stringify(was?.checklists) !== JSON.stringify(now.checklists)) drawChecklists(openCardId);
      if (commentsChanged) drawComments(openCardId);
      if (cardsChanged) await window.gkHost.refreshCard();
    }
  }
  for (const [cardId, comments] of Object.entries(next.comments)) {
    for (const comment of comments) {
      const key = commentKey(cardId, comment);
      if (seen.has(key)) continue;
      seen.add(key);
      if (comment.author !== BOT) continue;
      const card = next.config.cards.find((c) => c.id === cardId);
      const list = next.config.lists.find((l) => l.id === card?.idList)?.name ?? '';
      const refused = cardId === refusedCardId;
      const title = refused ? `Перенос отменён: карточка «${card?.name}» возвращена в «${list}»` : `@${BOT} о карточке «${card?.name}»`;
      notice(title, comment.text, { refused, cardId });
    }
  }
}

function notice(title: string, text: string, opts: { refused: boolean; cardId?: string }): void {
  const layer = document.getElementById('sandbox-notices')!;
  const close = el('button', { 'aria-label': 'Закрыть' }, ['×']);
  const node = el('div', { class: `sandbox-notice${opts.refused ? ' refused' : ''}`, role: 'status', 'data-testid': 'bot-notice' }, [
    el('div', { class: 'title' }, [title]),
    el('div', { class: 'text' }, [text]),
    close,
  ]);
  close.addEventListener('click', (event) => {
    event.stopPropagation();
    node.remove();
  });
  if (opts.cardId) node.addEventListener('click', () => void openCard(opts.cardId!));
  layer.prepend(node);
  // Four at most: older ones are on the cards anyway.
  while (layer.children.length > 4) layer.lastElementChild!.remove();
}

async function openCard(cardId: string): Promise<void> {
  if (openCardId) window.gkHost.closeCard();
  openCardId = cardId;
  await window.gkHost.openCard(cardId);
}

/**
 * Adds a close button and the comments to whichever card the host opens: one clicked on the board,
 * or one the Power-Up shows (t.showCard from «Сводка»).
 */
function decorateOpenCard(): void {
  const view = document.querySelector<HTMLElement>('#card-layer .card-view');
  if (!view || view.querySelector('.sandbox-close')) return;
  openCardId ??= window.gkHost.shownCards().at(-1);
  const close = el('button', { class: 'sandbox-close', 'aria-label': 'Закрыть карточку' }, ['×']);
  close.addEventListener('click', closeCard);
  view.append(close, el('section', { class: 'sandbox-checklists' }), el('section', { class: 'sandbox-comments', 'data-testid': 'card-comments' }));
  if (openCardId) drawCardExtras(openCardId);
}
new MutationObserver(decorateOpenCard).observe(document.getElementById('card-layer')!, { childList: true });

function closeCard(): void {
  openCardId = undefined;
  window.gkHost.closeCard();
}

/** What Trello shows on a card's back besides the Power-Up: its checklists and comments. */
function drawCardExtras(cardId: string): void {
  drawChecklists(cardId);
  drawComments(cardId);
}

/** The card's checklists, tickable as in Trello: a tick is the chosen member's, on the simulator. */
function drawChecklists(cardId: string): void {
  const box = document.querySelector('#card-layer .sandbox-checklists');
  const checklists = current.config.cards.find((c) => c.id === cardId)?.checklists ?? [];
  if (!box) return;
  box.replaceChildren(
    ...checklists.map((checklist) => {
      const done = checklist.items.filter((i) => i.complete).length;
      return el('div', { class: 'sandbox-checklist', 'data-testid': 'checklist' }, [
        el('h3', {}, [`${checklist.name} · ${done} из ${checklist.items.length}`]),
        ...checklist.items.map((item) => {
          const tick = el('input', { type: 'checkbox' });
          tick.checked = item.complete;
          tick.addEventListener('change', () => {
            tick.disabled = true;
            void written(() => post('/sandbox/check-item', { cardId, checklist: checklist.name, item: item.name, complete: tick.checked }))
              .then(async () => apply(await readBoard()))
              .catch((err: Error) => notice('Пункт не отмечен', err.message, { refused: true }));
          });
          return el('label', { class: 'sandbox-check-item' }, [tick, item.name]);
        }),
      ]);
    }),
  );
}

/** The card's comments, newest first, as Trello's activity shows them. */
function drawComments(cardId: string): void {
  const box = document.querySelector('#card-layer .sandbox-comments');
  if (!box) return;
  const comments = [...(current.comments[cardId] ?? [])].reverse();
  box.replaceChildren(
    el('h3', {}, ['Комментарии']),
    comments.length === 0
      ? el('p', {}, ['Комментариев пока нет.'])
      : el(
          'ol',
          {},
          comments.map((c) =>
            el('li', { class: `sandbox-comment${c.author === BOT ? ' from-bot' : ''}`, 'data-testid': 'card-comment' }, [
              el('span', { class: 'who' }, [c.authorName]),
              el('span', { class: 'when' }, [new Date(c.date).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' })]),
              el('div', { class: 'text' }, [c.text]),
            ]),
          ),
        ),
  );
}

function commentKey(cardId: string, comment: SandboxComment): string {
  return `${cardId} ${comment.date} ${comment.author} ${comment.text}`;
}

// A click on the dimmed board around the open card closes it, as in Trello; so does Escape.
document.getElementById('card-layer')!.addEventListener('click', (event) => {
  if (event.target === event.currentTarget) closeCard();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && openCardId && !document.getElementById('popup-layer')!.hasChildNodes()) closeCard();
});

start().catch((err: Error) => notice('Песочница не запустилась', err.message, { refused: true }));
