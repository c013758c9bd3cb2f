/** Trello shows icons from absolute URLs: the icons ship beside the connector page. */
export function iconUrl(name: string): string {
  return new URL(`./icons/${name}`, window.location.href).href;
}
