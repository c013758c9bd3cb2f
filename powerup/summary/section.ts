import { h } from '../ui/h';

/** A block of the summary: a heading, an optional line under it, and its content. */
export function section(opts: { id: string; title: string; lead?: string | null; wide?: boolean }, children: (Node | null)[]): HTMLElement {
  const heading = `${opts.id}-title`;
  return h('section', { class: `gk-panel${opts.wide ? ' gk-panel-wide' : ''}`, attrs: { 'aria-labelledby': heading, 'data-section': opts.id } }, [
    h('h2', { class: 'gk-panel-title', text: opts.title, attrs: { id: heading } }),
    opts.lead ? h('p', { class: 'gk-panel-lead', text: opts.lead }) : null,
    ...children,
  ]);
}

/** A table that scrolls sideways inside its box on a narrow screen, never the page. */
/**
 * `rows` may be a tbody the caller keeps filling (the decision log pages on; it labels its rows
 * with `labelCells`). On a phone each row stacks into a block, every cell with its column's name.
 */
export function scrollingTable(headers: string[], rows: HTMLTableRowElement[] | HTMLTableSectionElement, caption?: string): HTMLElement {
  if (Array.isArray(rows)) rows.forEach((row) => labelCells(row, headers));
  return h('div', { class: 'gk-table-scroll', attrs: { tabindex: 0 } }, [
    h('table', { class: 'gk-table' }, [
      caption ? h('caption', { class: 'gk-visually-hidden', text: caption }) : null,
      h('thead', {}, [h('tr', {}, headers.map((text) => h('th', { text, attrs: { scope: 'col' } })))]),
      Array.isArray(rows) ? h('tbody', {}, rows) : rows,
    ]),
  ]);
}

/** Each cell names its column (data-label), for the stacked layout on a phone. */
export function labelCells(row: HTMLTableRowElement, headers: string[]): HTMLTableRowElement {
  [...row.cells].forEach((cell, i) => cell.setAttribute('data-label', headers[i] ?? ''));
  return row;
}

/** A card's name as a link-like button that opens the card. */
export function cardButton(name: string, onOpen: () => void): HTMLButtonElement {
  return h('button', { class: 'gk-card-link', text: name, attrs: { type: 'button', title: name }, on: { click: onOpen } });
}
