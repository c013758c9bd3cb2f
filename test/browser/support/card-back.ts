import type { Browser, FrameLocator } from 'playwright-core';
import type { HostCard } from '../host/trello/host-config';
import { openHost, type HostPage } from './open-host';
import type { BrowserStack } from './start-browser-stack';

/** The «Данные станции» iframe of the open card. */
export const cardBack = (host: HostPage): FrameLocator => host.page.frameLocator('iframe[name="card-back-section"]');

/** A group of the form, by its title: click it to open or close. */
export const section = (frame: FrameLocator, title: string) => frame.locator('summary', { hasText: title });

/** The n-th stream of the form, counted from 1 like the form counts them. */
export const stream = (frame: FrameLocator, n: number) => frame.locator('.gk-item').nth(n - 1);

/** Opens `card` in the host as the manager (unless told otherwise) and waits for its form. */
export async function openCardBack(
  browser: Browser,
  stack: BrowserStack,
  card: HostCard,
  opts: Omit<Parameters<typeof openHost>[2], 'cards' | 'member'> & { member?: Parameters<typeof openHost>[2]['member'] } = {},
): Promise<{ host: HostPage; frame: FrameLocator }> {
  const host = await openHost(browser, stack, { member: 'manager', ...opts, cards: [card] });
  await host.page.evaluate((id) => window.gkHost.openCard(id), card.id);
  const frame = cardBack(host);
  await frame.locator('.gk-form, .gk-readonly').first().waitFor();
  return { host, frame };
}
