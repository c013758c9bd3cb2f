import type { FrameLocator } from 'playwright-core';
import type { DemoMemberRole } from '../../simulator/types';
import type { HostContext } from '../host/protocol';
import type { HostPage } from './open-host';
import type { BrowserStack } from './start-browser-stack';

/** The rules editor's modal page. */
export const rulesEditorFrame = (host: HostPage): FrameLocator => host.page.frameLocator('iframe[name="modal"]');

/**
 * Opens the Power-Up's settings as Trello does from its menu: invokes the connector's
 * `show-settings` handler in the context of `member` (the host page draws no settings menu; the
 * answer comes back under an id the host is not waiting for, and is dropped). Waits until the
 * editor has drawn, or said why not.
 */
export async function openRulesEditor(host: HostPage, stack: BrowserStack, opts: { member: DemoMemberRole; locale?: string }): Promise<FrameLocator> {
  const context: HostContext = {
    board: stack.board.boardId,
    member: stack.board.members[opts.member].id,
    locale: opts.locale ?? 'ru',
    permissions: { board: 'write', card: 'write', organization: 'read' },
    plugin: stack.board.powerUpId,
    version: 'test',
    theme: 'light',
  };
  await host.page.evaluate((ctx) => {
    const connector = document.querySelector<HTMLIFrameElement>('#connector-layer iframe');
    if (!connector?.contentWindow) throw new Error('[test] the connector is not loaded');
    connector.contentWindow.postMessage({ gk: 'invoke', id: 900_000 + Math.floor(Math.random() * 1000), capability: 'show-settings', context: ctx }, '*');
  }, context);
  const frame = rulesEditorFrame(host);
  await frame.locator('.gk-rules, .gk-rules-refused').first().waitFor();
  return frame;
}

/**
 * Replaces the first `find` after the cursor in CodeMirror with `replace`, as a person would:
 * the search panel (Ctrl+F) selects the match, Escape closes it, and typing replaces the selection
 * (with CodeMirror's own help: brackets closed, completion offered).
 */
export async function replaceInEditor(host: HostPage, frame: FrameLocator, find: string, replace: string, opts: { keepCompletion?: boolean } = {}): Promise<void> {
  await frame.locator('.cm-content').click();
  await host.page.keyboard.press('Control+Home');
  await host.page.keyboard.press('Control+f');
  const search = frame.locator('.cm-search input[name="search"]');
  await search.fill(find);
  // The panel takes the query on keyup (fill only fires input): a key press commits it.
  await search.press('End');
  await search.press('Enter');
  await search.press('Escape');
  await host.page.keyboard.type(replace);
  // The completion list typing opened would take the next Enter: close it, unless the test looks at it.
  if (!opts.keepCompletion) await host.page.keyboard.press('Escape');
}
