import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DemoMemberRole } from '../../simulator/types';
import type { HostCard, HostConfig } from '../host/trello/host-config';
import type { BrowserStack } from './start-browser-stack';

export const SCREENSHOTS = resolve(__dirname, '../../../test-results/screenshots');

/** Debian's chromium, never a downloaded one; flags for a quiet, sandbox-less CI container. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type HostPage = {
  page: Page;
  /** Every request the browser made to the service, in order. */
  requests: { method: string; path: string }[];
  /** Uncaught errors in any frame: a test fails on them. */
  errors: string[];
  screenshot(name: string): Promise<string>;
};

/**
 * Opens the test host as `member` on a board of `cards`, with Trello's CDN served by the stand-in
 * client, t.jwt answered by the simulator, and shared card data mirrored to the simulator (where
 * the server reads it).
 */
export async function openHost(
  browser: Browser,
  stack: BrowserStack,
  opts: { member: DemoMemberRole; cards: HostCard[]; locale?: string; canWrite?: boolean; viewport?: { width: number; height: number } },
): Promise<HostPage> {
  // The team's browsers and phones are Russian: dates read дд.мм.гггг, as they will for them.
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.route('https://p.trellocdn.com/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'application/javascript; charset=utf-8', body: stack.bundles.standIn })
      : route.fulfill({ contentType: 'text/css', body: '' }),
  );
  const member = stack.board.members[opts.member];
  await page.exposeFunction('gkMintJwt', () => stack.sim.mintPowerUpJwt({ idMember: member.id, idBoard: stack.board.boardId }));
  await page.exposeFunction('gkOnSet', (cardId: string, value: Record<string, unknown>) =>
    stack.sim.ui(member.username).setPluginData(cardId, value),
  );
  const requests: HostPage['requests'] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === stack.serviceUrl) requests.push({ method: request.method(), path: url.pathname });
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${stack.hostOrigin}/`);
  const config: HostConfig = {
    connectorUrl: `${stack.serviceUrl}/powerup/connector.html`,
    locale: opts.locale ?? 'ru',
    plugin: stack.board.powerUpId,
    board: { id: stack.board.boardId, name: 'Подключение клиентов' },
    lists: Object.entries(stack.board.lists).map(([name, id]) => ({ id, name })),
    cards: opts.cards,
    member: { id: member.id, username: member.username, fullName: member.fullName },
    canWrite: opts.canWrite ?? true,
    pluginData: storedPluginData(stack, opts.cards),
  };
  await page.evaluate((c) => window.gkHost.start(c), config);
  return {
    page,
    requests,
    errors,
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = resolve(SCREENSHOTS, `${name}.png`);
      // The open card and popups sit in fixed layers that scroll inside the viewport: make the
      // viewport as tall as what they show, so that one picture has all of it.
      const viewport = page.viewportSize()!;
      const layers = await page.evaluate(() =>
        Math.max(...['card-layer', 'popup-layer', 'board'].map((id) => document.getElementById(id)?.scrollHeight ?? 0)),
      );
      // A full-screen modal scrolls inside its own iframe: its page's height, plus the modal's header.
      const modal = page.frame({ name: 'modal' });
      const modalHeight = modal ? await modal.evaluate(() => document.documentElement.scrollHeight).catch(() => 0) : 0;
      const tallest = Math.max(layers, modalHeight > 0 ? modalHeight + 60 : 0);
      await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, tallest + 120) });
      await page.waitForTimeout(150);
      // The modal's page paints in its own process: let it draw the newly shown part before the shot.
      if (modal) await modal.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))).catch(() => undefined);
      if (modal) await page.waitForTimeout(250);
      await page.screenshot({ path });
      await page.setViewportSize(viewport);
      return path;
    },
  };
}

/** What the simulator holds as the cards' shared pluginData: the host's store starts from it. */
function storedPluginData(stack: BrowserStack, cards: HostCard[]): Record<string, Record<string, unknown>> {
  const stored = cards.flatMap((card) => {
    const item = stack.sim.card(card.id).pluginData[0];
    return item ? [[card.id, JSON.parse(item.value) as Record<string, unknown>] as const] : [];
  });
  return Object.fromEntries(stored);
}
