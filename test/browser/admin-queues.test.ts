import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Router } from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { adminRoutes } from '../../server/http/admin-routes';
import { deleteKeys, testRedis, uniquePrefix } from '../helpers/redis';
import { testLog } from '../helpers/silent-log';
import { appWith } from '../helpers/app-with';

jest.setTimeout(30_000);

const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
// A name, not localhost: browsers treat http://localhost as secure, an operator's http://gk-internal:3000
// is not, and only there does a CSP's upgrade-insecure-requests send every asset to https (and do
// browsers leave out Sec-Fetch-Site).
const HOST = 'gatekeeper.internal';
// Another site, as far as the browser knows, served by the same test server.
const ELSEWHERE = 'elsewhere.internal';
const SCREENSHOT = join(tmpdir(), 'gatekeeper-admin-queues.png');

let browser: Browser;
let server: Server;
let redis: Redis;
let prefix: string;
let queues: Queue[];
let origin: string;
let reconciles = 0;

beforeAll(async () => {
  redis = testRedis();
  prefix = uniquePrefix('browser-admin');
  queues = ['events-0', 'notify-telegram', 'deadlines'].map((name) => new Queue(name, { connection: redis, prefix }));
  for (const actionId of ['a1', 'a2', 'a3']) await queues[0]!.add('card-event', { actionId, cardId: 'c1' });
  await queues[2]!.add('deadline', { cardId: 'c1' }, { delay: 3_600_000 });
  // The app as the service builds it: helmet in front, the admin router among the others.
  const app = appWith(
    adminRoutes({
      adminToken: TOKEN, queues, log: testLog(),
      extra: (router) => router.post('/admin/reconcile', (_req, res) => void res.status(202).json({ started: ++reconciles })),
    }),
    elsewherePage(),
  );
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  // Debian's chromium, as test/browser/support launches it, with the name resolved to this machine.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1,MAP ${ELSEWHERE} 127.0.0.1`],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await Promise.all(queues.map((q) => q.close()));
  await deleteKeys(redis, prefix);
  await redis.quit();
});

/** Another site's page with a form aimed at an admin change, without the CSP that would stop it. */
function elsewherePage(): Router {
  return Router().get('/elsewhere', (_req, res) => {
    res.removeHeader('Content-Security-Policy');
    res.type('html').send(`<form method="post" action="${origin}/admin/reconcile"><button>Win a prize</button></form>`);
  });
}

/** A page of a context that answers the Basic challenge, recording page errors and CSP violations. */
async function operatorPage(credentials?: { username: string; password: string }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, httpCredentials: credentials });
  const page = await context.newPage();
  // Well inside jest's 30 s, so that a step that waits in vain says which one it was.
  page.setDefaultTimeout(8_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.exposeFunction('gkCspViolation', (what: string) => problems.push(`csp: ${what}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { gkCspViolation(what: string): void }).gkCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return { page, problems };
}

describe('the queue dashboard in a browser', () => {
  it('shows an operator who types the token as the password every queue and its jobs, over plain HTTP', async () => {
    const { page, problems } = await operatorPage({ username: 'operator', password: TOKEN });
    const response = await page.goto(`${origin}/admin/queues`);
    expect(response?.status()).toBe(200);

    const card = (name: string) => page.locator('main').getByText(name, { exact: true });
    for (const name of ['events-0', 'notify-telegram', 'deadlines']) await card(name).waitFor();
    await page.getByText('3 Jobs').waitFor();
    await page.screenshot({ path: SCREENSHOT });

    await page.getByRole('navigation').getByText('events-0', { exact: true }).click();
    await page.waitForURL(/\/admin\/queues\/queue\/events-0/);
    await page.getByText('card-event').nth(2).waitFor();
    await expect(page.getByText('card-event').count()).resolves.toBe(3);
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-events-0.png') });
    expect(problems).toEqual([]);
  });

  it("pauses a queue from its menu: the dashboard's own changes pass the admin door", async () => {
    const { page, problems } = await operatorPage({ username: 'operator', password: TOKEN });
    await page.goto(`${origin}/admin/queues/queue/notify-telegram`);
    await page.locator('button[aria-haspopup="menu"]').first().click();
    await page.getByRole('menuitem', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();

    await waitFor(() => queues[1]!.isPaused());
    expect(problems).toEqual([]);
  });

  it("refuses a change another site's page sends with the operator's remembered credentials", async () => {
    const { page } = await operatorPage({ username: 'operator', password: TOKEN });
    await page.goto(`${origin}/admin/queues`);
    const statuses: number[] = [];
    page.on('response', (r) => void (r.url() === `${origin}/admin/reconcile` && statuses.push(r.status())));

    await page.goto(`http://${ELSEWHERE}:${new URL(origin).port}/elsewhere`);
    await page.getByRole('button', { name: 'Win a prize' }).click();
    await page.getByText('admin changes must come from the admin pages themselves').waitFor();
    expect(statuses).toContain(403);
    expect(reconciles).toBe(0);

    // The same change from the dashboard's own origin goes through.
    await page.goto(`${origin}/admin/queues`);
    await expect(page.evaluate(() => fetch('/admin/reconcile', { method: 'POST' }).then((r) => r.status))).resolves.toBe(202);
    expect(reconciles).toBe(1);
  });

  it('asks a browser without the token for it, and shows nothing of the dashboard', async () => {
    const { page } = await operatorPage();
    const answered = page.waitForResponse(`${origin}/admin/queues`);
    // Headless Chromium has no one to type into the prompt, so it gives the navigation up.
    await expect(page.goto(`${origin}/admin/queues`)).rejects.toThrow('ERR_INVALID_AUTH_CREDENTIALS');
    const response = await answered;
    expect(response.status()).toBe(401);
    expect(response.headers()['www-authenticate']).toMatch(/^Basic realm="gatekeeper admin"/);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
