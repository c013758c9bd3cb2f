import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { explainFailuresWith } from '../../helpers/explaining-environment';
import type { DemoMemberRole } from '../../simulator/types';
import type { HostCard, HostConfig } from '../host/trello/host-config';
import type { BrowserStack } from './start-browser-stack';

export const SCREENSHOTS = resolve(__dirname, '../../../test-results/screenshots');

/**
 * Debian's chromium, never a downloaded one; flags for a quiet, sandbox-less CI container.
 *
 * The Power-Up's pages are of another site than the host's, as they are on trello.com, so
 * Chromium would give each its own renderer process (site isolation) and route clicks to it by
 * the frame's last painted bounds. On a loaded machine those bounds lagged behind a frame that had
 * just grown: clicks on a button in the grown part reached the host page instead, every time, until
 * the next paint (CI: «Сохранить» under a just-opened form, three clicks, no submit). One process
 * for all frames hit-tests the layout as it is; the pages still talk across origins as on Trello.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-site-isolation-trials',
      '--disable-features=site-per-process,IsolateOrigins',
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
  const answers = new Map<Request, string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== stack.serviceUrl) return;
    requests.push({ method: request.method(), path: url.pathname });
    // The Power-Up's own files are not what a failure turns on; the API's answers are.
    if (!url.pathname.startsWith('/powerup/')) answers.set(request, 'no answer yet');
  });
  page.on('response', (response) => answers.has(response.request()) && answers.set(response.request(), String(response.status())));
  page.on('requestfailed', (request) => answers.has(request) && answers.set(request, `failed: ${request.failure()?.errorText}`));
  page.on('pageerror', (error) => errors.push(error.message));
  const forget = explainFailuresWith((testName) => explainPage(page, testName, answers, errors));
  page.on('close', forget);
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

/**
 * A failed test's page: a screenshot as it was, the status lines of each frame (what the page
 * told the member), its errors, and the service's latest answers.
 */
async function explainPage(page: Page, testName: string, answers: Map<Request, string>, errors: string[]): Promise<string> {
  if (page.isClosed()) return '';
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = resolve(SCREENSHOTS, `FAILED-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  const frames = await Promise.all(
    page.frames().slice(1).map(async (frame) => {
      const said = await frame
        .evaluate(() => [...document.querySelectorAll('.gk-status, [role="status"], [role="alert"]')].map((el) => el.textContent?.trim()).filter(Boolean))
        .catch(() => ['(frame gone)']);
      return `  frame ${frame.name() || new URL(frame.url()).pathname}: ${said.length > 0 ? said.join(' | ') : '(no status shown)'}`;
    }),
  );
  const latest = [...answers].slice(-12).map(([request, answer]) => `  ${request.method()} ${new URL(request.url()).pathname} → ${answer}`);
  return [`page ${page.url()} (screenshot ${shot})`, ...frames, `errors: ${errors.length > 0 ? errors.join(' | ') : 'none'}`, 'latest answers of the service:', ...latest].join('\n');
}

/** What the simulator holds as the cards' shared pluginData: the host's store starts from it. */
function storedPluginData(stack: BrowserStack, cards: HostCard[]): Record<string, Record<string, unknown>> {
  const stored = cards.flatMap((card) => {
    const item = stack.sim.card(card.id).pluginData[0];
    return item ? [[card.id, JSON.parse(item.value) as Record<string, unknown>] as const] : [];
  });
  return Object.fromEntries(stored);
}
