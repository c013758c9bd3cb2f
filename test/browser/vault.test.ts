import type { Browser, FrameLocator, Locator } from 'playwright-core';
import { createAccessLog } from '../../server/vault/access-log';
import { parseVaultKeys } from '../../server/vault/vault-keys';
import { createVaultStore } from '../../server/vault/vault-store';
import { until } from '../helpers/until';
import { TEST_VAULT_KEYS } from '../helpers/vault-keys';
import { openCardBack } from './support/card-back';
import { launchBrowser, type HostPage } from './support/open-host';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { hostCard, stationCard } from './support/station-cards';

jest.setTimeout(90_000);

let browser: Browser;
let stack: BrowserStack;
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-vault')]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const SECRET = 'hackme-42';
const PHONE = { width: 360, height: 800 };

/** The «Доступы» section of the open card, opened. */
async function openVault(frame: FrameLocator): Promise<Locator> {
  const vault = frame.getByTestId('vault');
  await vault.locator('.gk-vault > summary').click();
  return vault;
}

const entry = (vault: Locator, label: string) => vault.getByTestId('vault-entry').filter({ has: vault.page().locator('.gk-vault-label', { hasText: label }) });
const masked = (locator: Locator) => locator.getByTestId('vault-secret').filter({ hasText: '••••••••' });
/** What the frame shows as text, secrets included if any were on screen. */
const frameText = (host: HostPage) => host.page.frame({ name: 'card-back-section' })!.evaluate(() => document.body.innerText);

/** One card for the whole story: the engineer fills it, the manager and the director look at it. */
let cardId: string;

describe('«Доступы» on the card back', () => {
  it('the engineer adds an entry (the server’s complaints by the fields first), reveals it for a while, copies, edits and deletes', async () => {
    cardId = stationCard(stack, 'Радио Ключ', 'Техническая экспертиза').id;
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'engineer' });
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.serviceUrl });
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.hostOrigin });
    const vault = await openVault(frame);
    await vault.getByText('Доступов пока нет.').waitFor();
    await expect(vault.locator('.gk-group-count').textContent()).resolves.toBe('0 записей');

    // An invalid entry first: no name, no password, an address that is not one.
    await vault.getByRole('button', { name: 'Добавить доступ' }).click();
    const form = vault.getByTestId('vault-form');
    await form.getByLabel('Адрес').fill('stream.example.ru');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByText('Запись не сохранена: исправьте отмеченные поля.').waitFor();
    await form.locator('.gk-invalid', { has: host.page.locator('label', { hasText: 'Название' }) }).getByText('a label is required, e.g. «Icecast source»').waitFor();
    await form.locator('.gk-invalid', { has: host.page.locator('label', { hasText: 'Пароль' }) }).getByText('the secret is required').waitFor();
    await form.locator('.gk-invalid', { has: host.page.locator('label', { hasText: 'Адрес' }) }).getByText('a URL, e.g. https://panel.example.ru').waitFor();
    await host.screenshot('vault-engineer-invalid');

    await form.getByLabel('Название').fill('Icecast source');
    await form.getByLabel('Логин').fill('source');
    await form.getByLabel('Пароль', { exact: true }).fill(SECRET);
    // «Показать пароль» shows what is typed, and hides it again.
    await expect(form.getByLabel('Пароль', { exact: true }).getAttribute('type')).resolves.toBe('password');
    await form.getByLabel('Показать пароль').check();
    await expect(form.getByLabel('Пароль', { exact: true }).getAttribute('type')).resolves.toBe('text');
    await form.getByLabel('Показать пароль').uncheck();
    await form.getByLabel('Адрес').fill('icecast://stream.example.ru:8000/live');
    await form.getByLabel('Заметка').fill('Точка монтирования /live, битрейт 128');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const icecast = entry(vault, 'Icecast source');
    await masked(icecast).waitFor();
    await expect(vault.getByTestId('vault-form').count()).resolves.toBe(0);

    // A second one, with a web address: a link.
    await vault.getByRole('button', { name: 'Добавить доступ' }).click();
    await form.getByLabel('Название').fill('Панель статистики');
    await form.getByLabel('Логин').fill('radio-key');
    await form.getByLabel('Пароль', { exact: true }).fill('stats-pass-7');
    await form.getByLabel('Адрес').fill('https://stats.example.ru/login');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    const stats = entry(vault, 'Панель статистики');
    await masked(stats).waitFor();
    await expect(vault.locator('.gk-group-count').textContent()).resolves.toBe('2 записи');
    await expect(stats.getByRole('link', { name: 'https://stats.example.ru/login' }).getAttribute('href')).resolves.toBe('https://stats.example.ru/login');
    // icecast:// is shown, not linked.
    await icecast.getByText('icecast://stream.example.ru:8000/live').waitFor();
    await expect(icecast.getByRole('link').count()).resolves.toBe(0);
    await expect(icecast.getByText('source', { exact: true }).count()).resolves.toBe(1);
    await expect(frameText(host)).resolves.not.toContain(SECRET);
    await host.screenshot('vault-engineer');

    // «Показать»: the secret, a countdown on «Скрыть», then masked again (a two-second reveal for the test).
    await vault.evaluate((el) => (el.dataset.revealSeconds = '2'));
    await icecast.getByRole('button', { name: 'Показать' }).click();
    await icecast.getByTestId('vault-secret').filter({ hasText: SECRET }).waitFor();
    await icecast.getByRole('button', { name: /^Скрыть \([12]\)$/ }).waitFor();
    await host.screenshot('vault-engineer-revealed');
    await masked(icecast).waitFor({ timeout: 5_000 });
    await icecast.getByRole('button', { name: 'Показать' }).waitFor();
    await expect(frameText(host)).resolves.not.toContain(SECRET);
    // «Скрыть» hides it at once.
    await vault.evaluate((el) => (el.dataset.revealSeconds = '30'));
    await icecast.getByRole('button', { name: 'Показать' }).click();
    await icecast.getByRole('button', { name: /^Скрыть \((30|29)\)$/ }).click();
    await masked(icecast).waitFor();

    // «Копировать»: to the clipboard, never on screen.
    await icecast.getByRole('button', { name: 'Копировать' }).click();
    await icecast.getByRole('button', { name: 'Скопировано' }).waitFor();
    await icecast.getByText('Пароль в буфере обмена.').waitFor();
    await expect(host.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(SECRET);
    await expect(frameText(host)).resolves.not.toContain(SECRET);

    // Edit: the form holds what the entry has, the password left empty keeps it.
    await icecast.getByRole('button', { name: 'Изменить' }).click();
    const edit = vault.getByTestId('vault-form');
    await expect(edit.getByLabel('Название').inputValue()).resolves.toBe('Icecast source');
    await expect(edit.getByLabel('Пароль', { exact: true }).inputValue()).resolves.toBe('');
    await edit.getByText('Оставьте пустым, чтобы пароль не менялся.').waitFor();
    await host.screenshot('vault-engineer-edit');
    await edit.getByLabel('Заметка').fill('Точка монтирования /live, битрейт 192');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await icecast.getByText('Точка монтирования /live, битрейт 192').waitFor();
    const store = createVaultStore({ redis: stack.redis, prefix: stack.prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) });
    const stored = await store.list(cardId);
    expect(stored.map((e) => [e.label, e.secret, e.note])).toEqual([
      ['Icecast source', SECRET, 'Точка монтирования /live, битрейт 192'],
      ['Панель статистики', 'stats-pass-7', ''],
    ]);

    // Delete asks first; «Отмена» keeps the entry.
    await stats.getByRole('button', { name: 'Удалить' }).click();
    await stats.getByText('Удалить доступ «Панель статистики»?').waitFor();
    await host.screenshot('vault-engineer-delete');
    await stats.getByRole('button', { name: 'Отмена' }).click();
    await expect(stats.getByText('Удалить доступ «Панель статистики»?').count()).resolves.toBe(0);
    await stats.getByRole('button', { name: 'Удалить' }).click();
    await stats.locator('.gk-vault-confirm').getByRole('button', { name: 'Удалить' }).click();
    await until('the entry is gone', async () => (await vault.getByTestId('vault-entry').count()) === 1);
    await expect(vault.locator('.gk-group-count').textContent()).resolves.toBe('1 запись');

    const vaultRequests = host.requests.filter((r) => r.path.includes('/vault'));
    expect(vaultRequests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/^\/api\/cards\/[^/]+\/vault/, '').replace(/[0-9a-f-]{36}/g, ':id')}`)).toEqual([
      'POST /entries', // the invalid one
      'POST /entries',
      'POST /entries',
      'POST /entries/:id/reveal',
      'POST /entries/:id/reveal',
      'POST /entries/:id/reveal', // the copy
      'PUT /entries/:id', // the password left empty: kept by the server, never read back
      'DELETE /entries/:id',
    ]);
    // The access log is the director's: the engineer is not offered it.
    await expect(vault.getByTestId('vault-log').count()).resolves.toBe(0);
    expect(host.errors).toEqual([]);
  });

  it('the manager sees the labels and who may show them: no login, no «Показать», no changes', async () => {
    for (const [viewport, name] of [[undefined, 'vault-manager'], [PHONE, 'vault-manager-360']] as const) {
      const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'manager', ...(viewport ? { viewport } : {}) });
      const vault = await openVault(frame);
      await entry(vault, 'Icecast source').waitFor();
      const viewers = await vault.getByTestId('vault-viewers').textContent();
      expect(viewers).toMatch(/^Показать могут: /);
      expect(viewers).toContain('Евгений Инженеров (@engineer)');
      expect(viewers).toContain('Ирина Директорова (@director)');
      expect(viewers).not.toContain('Максим');
      await vault.getByText('Добавлять и изменять доступы могут: Евгений Инженеров (@engineer)').waitFor();
      for (const button of ['Показать', 'Копировать', 'Изменить', 'Удалить', 'Добавить доступ']) {
        await expect(vault.getByRole('button', { name: button }).count()).resolves.toBe(0);
      }
      await expect(vault.locator('.gk-vault-fields, [data-testid="vault-secret"]').count()).resolves.toBe(0);
      const text = await frameText(host);
      for (const hidden of ['icecast://', 'битрейт', SECRET]) expect(text).not.toContain(hidden);
      await host.screenshot(name);
      expect(host.errors).toEqual([]);
    }
  });

  it('the director reveals, and the access log names who did what to which entry, newest first', async () => {
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'director' });
    const vault = await openVault(frame);
    const icecast = entry(vault, 'Icecast source');
    await icecast.getByRole('button', { name: 'Показать' }).click();
    await icecast.getByTestId('vault-secret').filter({ hasText: SECRET }).waitFor();
    // The director may look, not change.
    await expect(vault.getByRole('button', { name: 'Добавить доступ' }).count()).resolves.toBe(0);
    await expect(icecast.getByRole('button', { name: 'Изменить' }).count()).resolves.toBe(0);

    const log = vault.getByTestId('vault-log');
    await log.locator('summary', { hasText: 'Журнал доступа' }).click();
    const rows = log.getByTestId('vault-log-row');
    await until('the log has the eight accesses', async () => (await rows.count()) === 8);
    const lines = await rows.locator('.gk-vault-log-line').allTextContents();
    expect(lines).toEqual([
      'Ирина Директорова: показ пароля «Icecast source»',
      'Евгений Инженеров: удаление (запись удалена)',
      'Евгений Инженеров: изменение «Icecast source»',
      'Евгений Инженеров: копирование пароля «Icecast source»',
      'Евгений Инженеров: показ пароля «Icecast source»',
      'Евгений Инженеров: показ пароля «Icecast source»',
      'Евгений Инженеров: добавление (запись удалена)',
      'Евгений Инженеров: добавление «Icecast source»',
    ]);
    await expect(rows.first().locator('time').textContent()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    await expect(log.getByRole('button', { name: 'Показать ещё' }).isHidden()).resolves.toBe(true);
    await host.screenshot('vault-director-log');

    // An open log reads itself again after a look.
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.serviceUrl });
    await icecast.getByRole('button', { name: 'Копировать' }).click();
    await icecast.getByRole('button', { name: 'Скопировано' }).waitFor();
    await log.locator('.gk-vault-log-line', { hasText: 'Ирина Директорова: копирование пароля «Icecast source»' }).waitFor();
    await expect(rows.first().locator('.gk-vault-log-line').textContent()).resolves.toBe('Ирина Директорова: копирование пароля «Icecast source»');
    expect(host.errors).toEqual([]);
  });

  it('shows nothing at all when the rules keep no vault (404 vault_disabled)', async () => {
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'engineer' });
    await frame.getByTestId('vault').locator('.gk-vault').waitFor();
    await host.page.route('**/api/cards/*/vault', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'vault_disabled', message: 'the rules keep no station credentials' }) }),
    );
    const answered = host.page.waitForResponse((r) => r.url().endsWith('/vault') && r.status() === 404);
    await host.page.frame({ name: 'card-back-section' })!.evaluate(() => location.reload());
    await answered;
    await frame.locator('.gk-form').waitFor();
    await frame.getByTestId('history').waitFor();
    // Let the page take the answer in before looking.
    await host.page.waitForTimeout(300);
    await expect(frame.getByTestId('vault').isHidden()).resolves.toBe(true);
    await expect(frame.getByTestId('vault').innerHTML()).resolves.toBe('');
    await expect(frameText(host)).resolves.not.toMatch(/Доступы|Доступы не загрузились/);
    expect(host.errors).toEqual([]);
  });

  it('pages a long access log with «Показать ещё»', async () => {
    const id = stationCard(stack, 'Радио Журнал', 'Выдача доступов').id;
    const accessLog = createAccessLog({ redis: stack.redis, prefix: stack.prefix });
    const director = stack.board.members.director;
    for (let i = 0; i < 57; i += 1) {
      await accessLog.record({ action: 'reveal', boardId: stack.board.boardId, cardId: id, entryId: 'gone', memberId: director.id, username: director.username });
    }
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, id), { member: 'director', viewport: PHONE });
    const vault = await openVault(frame);
    await vault.getByText('Доступов пока нет.').waitFor();
    const log = vault.getByTestId('vault-log');
    await log.locator('summary').click();
    await until('the first page is there', async () => (await log.getByTestId('vault-log-row').count()) === 50);
    await log.getByRole('button', { name: 'Показать ещё' }).click();
    await until('the second page is there', async () => (await log.getByTestId('vault-log-row').count()) === 57);
    await expect(log.getByRole('button', { name: 'Показать ещё' }).isHidden()).resolves.toBe(true);
    expect(host.requests.filter((r) => r.path.endsWith('/vault/access'))).toHaveLength(2);
    expect(host.errors).toEqual([]);
  });

  it('says plainly when the access log is down (503) or the server cannot be reached, and shows nothing', async () => {
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'director', viewport: PHONE });
    const vault = await openVault(frame);
    const icecast = entry(vault, 'Icecast source');
    await host.page.route('**/vault/entries/*/reveal', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'access_log_unavailable', message: 'the access log cannot be written right now, so nothing was shown or changed; try again shortly' }),
      }),
    );
    await icecast.getByRole('button', { name: 'Показать' }).click();
    await icecast.getByText(/^Пароль не показан: журнал доступа сейчас не записывается, поэтому ничего не показано и не изменено/).waitFor();
    await masked(icecast).waitFor();
    await host.screenshot('vault-director-503-360');
    await host.page.unroute('**/vault/entries/*/reveal');
    await host.page.route('**/vault/entries/*/reveal', (route) => route.abort('internetdisconnected'));
    await icecast.getByRole('button', { name: 'Копировать' }).click();
    await icecast.getByText('Пароль не скопирован: нет связи с сервером Gatekeeper; проверьте интернет и попробуйте ещё раз').waitFor();
    expect(host.errors).toEqual([]);
  });

  it('reads in English, and fits a phone', async () => {
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'engineer', locale: 'en', viewport: PHONE });
    const vault = await openVault(frame);
    await vault.locator('.gk-section-title', { hasText: 'Credentials' }).waitFor();
    await expect(vault.locator('.gk-group-count').textContent()).resolves.toBe('1 entry');
    const icecast = entry(vault, 'Icecast source');
    await icecast.getByRole('button', { name: 'Show', exact: true }).waitFor();
    // Where the frame may not use the Clipboard API, the copy command does it.
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.hostOrigin });
    await host.page.evaluate(() => navigator.clipboard.writeText('something else'));
    const cardBackFrame = host.page.frame({ name: 'card-back-section' })!;
    await cardBackFrame.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('blocked by a permissions policy', 'NotAllowedError'));
    });
    await icecast.getByRole('button', { name: 'Copy' }).click();
    await icecast.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(host.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(SECRET);
    // Where neither works, it says so plainly.
    await cardBackFrame.evaluate(() => {
      document.execCommand = () => false;
    });
    await icecast.getByRole('button', { name: 'Copied' }).click();
    await icecast.getByRole('button', { name: 'Copy' }).waitFor();
    await icecast.getByText('The clipboard is not available in this window: press “Show” and copy the password by hand.').waitFor();
    await vault.getByRole('button', { name: 'Add a credential' }).click();
    await vault.getByTestId('vault-form').getByLabel('Name').waitFor();
    // Nothing wider than the phone.
    const overflow = await host.page.frame({ name: 'card-back-section' })!.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await host.screenshot('vault-engineer-en-360');
    expect(host.errors).toEqual([]);
  });
});
