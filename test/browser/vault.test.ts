import { resolve } from 'node:path';
import type { Browser, FrameLocator, Locator } from 'playwright-core';
import { createAccessLog } from '../../server/vault/access-log';
import { parseVaultKeys } from '../../server/vault/vault-keys';
import { createVaultStore } from '../../server/vault/vault-store';
import { until } from '../helpers/until';
import { TEST_VAULT_KEYS } from '../helpers/vault-keys';
import { openCardBack } from './support/card-back';
import { launchBrowser, SCREENSHOTS, type HostPage } from './support/open-host';
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

  it('keeps the section open, and what the engineer types, when Trello draws the card back again', async () => {
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, cardId), { member: 'engineer' });
    const vault = await openVault(frame);
    const icecast = entry(vault, 'Icecast source');
    await icecast.getByRole('button', { name: 'Показать' }).waitFor();
    const vaultReads = () => host.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/vault')).length;

    // The card changed: Trello calls render again, and the section is drawn anew, still open.
    await host.page.evaluate(() => window.gkHost.rerenderSection());
    await until('the section is read again', async () => vaultReads() === 2);
    await icecast.getByRole('button', { name: 'Показать' }).waitFor();

    // A redraw that began before the typing (Trello is slow to give the card) does not end it.
    await host.page.evaluate(() => (window.gkDelayNext = { command: 'card', frame: 'card-back-section', ms: 1_500 }));
    await host.page.evaluate(() => window.gkHost.rerenderSection());
    await vault.getByRole('button', { name: 'Добавить доступ' }).click();
    const form = vault.getByTestId('vault-form');
    await form.getByLabel('Название').fill('Резервный поток');
    // The slow answer comes 1.5 s after the render began; a redraw would read the vault a third time.
    await host.page.waitForTimeout(2_500);
    await expect(form.getByLabel('Название').inputValue()).resolves.toBe('Резервный поток');
    expect(vaultReads()).toBe(2);
    await form.getByRole('button', { name: 'Отмена' }).click();
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

describe('«Отправить клиенту»', () => {
  const ICECAST = { label: 'Icecast source', login: 'source', secret: 'ice-<b>7</b>', url: 'icecast://stream.example.ru:8000/live', note: '' };
  const PANEL = { label: 'Панель статистики', login: 'radio-link', secret: 'stats-pass-9', url: 'https://stats.example.ru/login', note: 'Вход по логину станции' };

  /** A station card with two entries and the rules' «Запуск» checklist, as «Выдача доступов» has it. */
  async function cardWithEntries(name: string, station: Record<string, unknown> = {}): Promise<string> {
    const id = stationCard(stack, name, 'Выдача доступов', station).id;
    stack.sim.ui('engineer').addChecklist(id, 'Запуск', ['Потоки добавлены', 'Доступы отправлены клиенту']);
    const store = createVaultStore({ redis: stack.redis, prefix: stack.prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) });
    for (const fields of [ICECAST, PANEL]) await store.add(id, fields, stack.board.members.engineer.id);
    return id;
  }
  const launchItem = (id: string) => stack.sim.card(id).checklists.find((c) => c.name === 'Запуск')!.checkItems.find((i) => i.name === 'Доступы отправлены клиенту')!;

  it('the manager makes a link to copy: the link once, in the panel only; the client opens it once; the card and the log say so', async () => {
    const id = await cardWithEntries('Радио Ссылка');
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, id), { member: 'manager' });
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.serviceUrl });
    await host.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.hostOrigin });
    const vault = await openVault(frame);
    await vault.getByRole('button', { name: 'Отправить клиенту' }).click();
    const panel = vault.getByTestId('vault-share');
    // Every entry ticked, the mail first, the link's terms said once.
    for (const label of [ICECAST.label, PANEL.label]) await expect(panel.getByRole('checkbox', { name: label }).isChecked()).resolves.toBe(true);
    await expect(panel.getByRole('radio', { name: 'По почте техническому контакту' }).isChecked()).resolves.toBe(true);
    await panel.getByText('Ссылка откроется один раз и действует несколько дней.').waitFor();
    await panel.getByRole('button', { name: 'Отправить', exact: true }).waitFor();
    await host.screenshot('vault-share-panel');
    // Nothing ticked: nothing to send.
    for (const label of [ICECAST.label, PANEL.label]) await panel.getByRole('checkbox', { name: label }).uncheck();
    await expect(panel.getByRole('button', { name: 'Отправить', exact: true }).isDisabled()).resolves.toBe(true);
    await panel.getByText('Отметьте хотя бы один доступ.').waitFor();
    for (const label of [ICECAST.label, PANEL.label]) await panel.getByRole('checkbox', { name: label }).check();

    await panel.getByRole('radio', { name: 'Скопировать ссылку, отправлю сам' }).check();
    await panel.getByRole('button', { name: 'Создать ссылку' }).click();
    const link = panel.getByLabel('Ссылка для клиента');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${stack.serviceUrl.replace(/\./g, '\\.')}/access/[A-Za-z0-9_-]{43}$`));
    await expect(link.getAttribute('readonly')).resolves.not.toBeNull();
    await panel.getByText(/^Ссылка действует до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} и откроется один раз\.$/).waitFor();
    await panel.getByText('Отмечено в чек-листе карточки.').waitFor();
    await panel.getByRole('button', { name: 'Копировать ссылку' }).click();
    await panel.getByText('Ссылка в буфере обмена.').waitFor();
    await expect(host.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url);
    await host.page.setViewportSize(PHONE);
    await host.screenshot('vault-share-link-360');
    const overflow = await host.page.frame({ name: 'card-back-section' })!.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await host.page.setViewportSize({ width: 1280, height: 900 });

    // The card says it: the item ticked, a comment who made a link to which entries (in the vault's order).
    expect(launchItem(id).state).toBe('complete');
    expect(stack.sim.comments(id).map((c) => c.text)).toContainEqual(
      expect.stringMatching(/^Для клиента создана одноразовая ссылка на доступы («Icecast source», «Панель статистики»|«Панель статистики», «Icecast source»), действует до \d\d\.\d\d\.\d{4}, \d\d:\d\d\. Создал Максим Менеджеров \(@manager\), чтобы отправить самому\.$/),
    );

    // «Готово» forgets the link: nowhere in the page any more.
    await panel.getByRole('button', { name: 'Готово' }).click();
    await vault.getByRole('button', { name: 'Отправить клиенту' }).waitFor();
    await expect(vault.getByTestId('vault-share').count()).resolves.toBe(0);
    await expect(frameText(host)).resolves.not.toContain(url);
    const token = url.split('/').pop()!;
    const html = await host.page.frame({ name: 'card-back-section' })!.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain(token);
    const shares = host.requests.filter((r) => r.path.endsWith('/vault/share'));
    expect(shares.map((r) => r.method)).toEqual(['POST']);
    expect(host.errors).toEqual([]);

    // The client's page: GET only offers; the button shows the credentials once.
    const client = await browser.newContext({ viewport: PHONE, locale: 'ru-RU' });
    try {
      const page = await client.newPage();
      const offered = await page.goto(url);
      expect(offered?.status()).toBe(200);
      expect(offered?.headers()['content-security-policy']).toContain("default-src 'none'");
      await page.getByRole('heading', { name: 'Доступы' }).waitFor();
      await expect(page.locator('body').innerText()).resolves.not.toContain(PANEL.secret);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'vault-link-offer-360.png'), fullPage: true });
      await page.getByRole('button', { name: 'Показать доступы' }).click();
      await page.getByRole('heading', { name: 'Ваши доступы' }).waitFor();
      const shown = await page.locator('main').innerText();
      for (const text of [ICECAST.label, ICECAST.login, ICECAST.secret, ICECAST.url, PANEL.label, PANEL.secret, PANEL.url, PANEL.note]) expect(shown).toContain(text);
      // Escaped, not markup: the secret's «<b>» is text.
      await expect(page.locator('main b').count()).resolves.toBe(0);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'vault-link-opened-360.png'), fullPage: true });
      const again = await page.goto(url);
      expect(again?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Ссылка больше не действует' }).waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'vault-link-gone-360.png'), fullPage: true });
    } finally {
      await client.close();
    }
    await until('the card says the client opened it', async () => stack.sim.comments(id).some((c) => /^Клиент открыл доступы \d\d\.\d\d, \d\d:\d\d\.$/.test(c.text)));

    // The director's log: the link made, the client's opening; a mailed one names its address.
    const accessLog = createAccessLog({ redis: stack.redis, prefix: stack.prefix });
    const manager = stack.board.members.manager;
    const entryIds = (await createVaultStore({ redis: stack.redis, prefix: stack.prefix, keys: parseVaultKeys(TEST_VAULT_KEYS) }).list(id)).map((e) => e.id);
    await accessLog.record({ action: 'share', boardId: stack.board.boardId, cardId: id, entryIds: [entryIds[0]!], memberId: manager.id, username: manager.username, recipient: 'tech@radio-link.example', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await accessLog.record({ action: 'link-opened', boardId: stack.board.boardId, cardId: id, entryIds: [entryIds[0]!], recipient: 'tech@radio-link.example' });
    const director = await openCardBack(browser, stack, hostCard(stack, id), { member: 'director' });
    const log = (await openVault(director.frame)).getByTestId('vault-log');
    await log.locator('summary').click();
    const rows = log.getByTestId('vault-log-row');
    await until('the log has the four lines', async () => (await rows.count()) === 4);
    await expect(rows.locator('.gk-vault-log-line').allTextContents()).resolves.toEqual([
      'Клиент открыл ссылку для tech@radio-link.example (1 доступ)',
      'Максим Менеджеров: отправка клиенту (1 доступ) → tech@radio-link.example',
      'Клиент открыл ссылку (2 доступа)',
      'Максим Менеджеров: ссылка для клиента (2 доступа)',
    ]);
    await director.host.screenshot('vault-share-log');
    expect(director.host.errors).toEqual([]);
  });

  it('by e-mail: says there is no contact address, or no mail on this service, and offers the link to copy instead', async () => {
    const id = await cardWithEntries('Радио Без Почты');
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, id), { member: 'manager' });
    const vault = await openVault(frame);
    await vault.getByRole('button', { name: 'Отправить клиенту' }).click();
    const panel = vault.getByTestId('vault-share');
    await panel.getByRole('checkbox', { name: PANEL.label }).uncheck();
    await panel.getByRole('button', { name: 'Отправить', exact: true }).click();
    await panel
      .getByText(/^Не отправлено: в карточке нет правильного адреса технического контакта\. Заполните его в данных станции или выберите «Скопировать ссылку, отправлю сам» \(the card has no valid technical contact e-mail \(contact\.email\)/)
      .waitFor();
    await panel.getByRole('button', { name: 'Скопировать ссылку вместо письма' }).waitFor();
    await host.screenshot('vault-share-no-contact');
    expect(launchItem(id).state).not.toBe('complete');

    // With an address, this stack (no SMTP_URL) sends no mail at all.
    stack.sim.ui('manager').setPluginData(id, { station: { 'contact.email': 'tech@bez-pochty.example' } });
    await panel.getByRole('button', { name: 'Отправить', exact: true }).click();
    await panel.getByText(/^Не отправлено: этот сервис не отправляет почту\. Выберите «Скопировать ссылку, отправлю сам» и передайте ссылку клиенту сами \(the service sends no e-mail/).waitFor();
    await panel.getByRole('button', { name: 'Скопировать ссылку вместо письма' }).click();
    await expect(panel.getByRole('radio', { name: 'Скопировать ссылку, отправлю сам' }).isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Создать ссылку' }).click();
    await panel.getByLabel('Ссылка для клиента').waitFor();
    const shares = host.requests.filter((r) => r.path.endsWith('/vault/share'));
    expect(shares).toHaveLength(3);
    // Only the copied one was made: the refusals left the card as it was.
    expect(stack.sim.comments(id).filter((c) => c.text.includes('одноразовая ссылка'))).toHaveLength(1);
    // A mail that went (answered here: the stack has no SMTP stand-in): whom to, until when, no link on screen.
    await panel.getByRole('button', { name: 'Готово' }).click();
    await host.page.route('**/vault/share', (route) =>
      route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ expiresAt: '2026-11-30T11:03:00.000Z', ticked: true, sentTo: 'tech@bez-pochty.example' }) }),
    );
    await vault.getByRole('button', { name: 'Отправить клиенту' }).click();
    await panel.getByRole('button', { name: 'Отправить', exact: true }).click();
    await panel.getByText(/^Отправлено на tech@bez-pochty\.example: ссылка действует до 30\.11\.2026 \d\d:03$/).waitFor();
    await panel.getByText('Отмечено в чек-листе карточки.').waitFor();
    await expect(panel.getByRole('textbox').count()).resolves.toBe(0);
    await host.screenshot('vault-share-sent');
    expect(host.errors).toEqual([]);
  });

  it('reads in English on a phone, and is not offered to members without the right or without entries', async () => {
    const id = await cardWithEntries('Radio English');
    const { host, frame } = await openCardBack(browser, stack, hostCard(stack, id), { member: 'manager', locale: 'en', viewport: PHONE });
    const vault = await openVault(frame);
    await vault.getByRole('button', { name: 'Send to the client' }).click();
    const panel = vault.getByTestId('vault-share');
    await panel.getByText('The link opens once and works for a few days.').waitFor();
    await panel.getByRole('radio', { name: 'Copy a link, I will send it myself' }).check();
    await panel.getByRole('button', { name: 'Make a link' }).click();
    await panel.getByLabel('Link for the client').waitFor();
    await panel.getByText(/^The link works until \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} and opens once\.$/).waitFor();
    const overflow = await host.page.frame({ name: 'card-back-section' })!.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await host.screenshot('vault-share-en-360');
    expect(host.errors).toEqual([]);

    // The director may look, not send; an empty vault has nothing to send.
    const director = await openCardBack(browser, stack, hostCard(stack, id), { member: 'director' });
    await entry(await openVault(director.frame), ICECAST.label).waitFor();
    await expect(director.frame.getByRole('button', { name: 'Отправить клиенту' }).count()).resolves.toBe(0);
    const empty = stationCard(stack, 'Радио Пусто', 'Выдача доступов').id;
    const manager = await openCardBack(browser, stack, hostCard(stack, empty), { member: 'manager' });
    await (await openVault(manager.frame)).getByText('Доступов пока нет.').waitFor();
    await expect(manager.frame.getByRole('button', { name: 'Отправить клиенту' }).count()).resolves.toBe(0);
  });
});
