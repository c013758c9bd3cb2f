import { isCallbackRef, type CallbackRef, type HostContext } from '../protocol';
import { badgeElements, resolveBadges, shown } from './badges';
import { el } from './dom';
import type { Frame, Frames } from './frames';
import type { ShownBadge } from './host-config';

type Section = { title: string; icon: string; content: { type: 'iframe'; url: string; height?: number } };
type Button = { text: string; icon: string; condition?: string; callback?: CallbackRef };

/**
 * The opened card, as Trello lays out its back: the detail badges, the Power-Up's buttons and its
 * section («Данные станции») in an iframe. Full width on a phone.
 */
export async function renderCardView(deps: {
  root: HTMLElement;
  frames: Frames;
  connector: Frame;
  context: HostContext;
  cardName: string;
  listName: string;
}): Promise<{ detailBadges: ShownBadge[]; buttons: string[]; section: Frame | undefined; refresh(): Promise<void> }> {
  const { frames, connector, context } = deps;
  const badgesRow = el('div', { class: 'detail-badges', 'data-testid': 'detail-badges' });
  const buttonsRow = el('div', { class: 'card-buttons', 'data-testid': 'card-buttons' });
  const sectionBox = el('section', { class: 'card-section', 'data-testid': 'card-section' });
  deps.root.replaceChildren(
    el('div', { class: 'card-view', role: 'dialog', 'aria-label': deps.cardName }, [
      el('h2', {}, [deps.cardName]),
      el('p', { class: 'in-list' }, [`в списке «${deps.listName}»`]),
      badgesRow,
      el('div', { class: 'card-main' }, [sectionBox, buttonsRow]),
    ]),
  );
  const click = (ref: CallbackRef | undefined) => (ref ? () => void frames.callback(connector, ref.__gkCallback, context) : undefined);

  let detail: ShownBadge[] = [];
  const refresh = async () => {
    const badges = await resolveBadges(frames, connector, await frames.invoke(connector, 'card-detail-badges', context), context);
    detail = badges.map(shown);
    badgesRow.replaceChildren(...badgeElements(badges, (badge) => click(badge.callback)?.()));
  };
  await refresh();

  // Trello shows a button with `condition: 'edit'` only to members who may edit the card.
  const all = ((await frames.invoke(connector, 'card-buttons', context)) as Button[]) ?? [];
  const buttons = all.filter((button) => button.condition !== 'edit' || context.permissions.card === 'write');
  buttonsRow.replaceChildren(
    ...buttons.map((button) => {
      const node = el('button', { class: 'card-button' }, [el('img', { src: button.icon, alt: '' }), button.text]);
      if (isCallbackRef(button.callback)) node.addEventListener('click', click(button.callback)!);
      return node;
    }),
  );

  const section = (await frames.invoke(connector, 'card-back-section', context)) as Section | null;
  let frame: Frame | undefined;
  if (section) {
    sectionBox.append(el('h3', {}, [el('img', { src: section.icon, alt: '' }), section.title]));
    frame = frames.open(sectionBox, section.content.url, context, { name: 'card-back-section' });
    frame.iframe.style.height = `${section.content.height ?? 200}px`;
  }
  return { detailBadges: detail, buttons: buttons.map((b) => b.text), section: frame, refresh };
}
