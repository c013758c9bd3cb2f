import type { Browser, FrameLocator } from 'playwright-core';
import { createAuditLog } from '../../server/store/audit-log';
import { until } from '../helpers/until';
import { stationUpTo } from '../stack/station-data';
import { launchBrowser, openHost, type HostPage } from './support/open-host';
import { openRulesEditor, replaceInEditor } from './support/rules-editor';
import { startBrowserStack, type BrowserStack } from './support/start-browser-stack';
import { stationCard } from './support/station-cards';

jest.setTimeout(90_000);

const DESKTOP = { width: 1280, height: 800 };
const LAPTOP = { width: 1024, height: 768 };

let browser: Browser;
let stack: BrowserStack;
let romashka = '';
beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBrowserStack('browser-rules-editor')]);
  // A paid, signed station waiting in «Договор и оплата» without the bank's BIK: ready for
  // «Подключение» today, blocked once the gate asks for org.bik. One more already in «Подключение».
  romashka = stationCard(stack, 'Радио Ромашка', 'Договор и оплата', stationUpTo('contractSignedAndPaid')).id;
  stationCard(stack, 'Радио Василёк', 'Подключение', stationUpTo('contractSignedAndPaid'));
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const GATE_LINE = 277;
const checkStatus = (frame: FrameLocator) => frame.getByTestId('check-status');
const tab = (frame: FrameLocator, name: RegExp) => frame.getByRole('tab', { name });

/** Another admin saves through the API, as a second editor window would. */
async function saveThroughApi(text: string, comment: string, baseVersion: number): Promise<number> {
  const jwt = await stack.sim.mintPowerUpJwt({ idMember: stack.board.members.director.id, idBoard: stack.board.boardId });
  const response = await fetch(`${stack.serviceUrl}/api/rules/versions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json', Origin: 'https://trello.com' },
    body: JSON.stringify({ text, comment, baseVersion }),
  });
  if (response.status !== 201) throw new Error(`the API save answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { saved: { version: number } }).saved.version;
}

/** «Следующий этап» pressed by the director on a card: the move judged by the API, under the version in force. */
async function nextStage(cardId: string): Promise<{ status: number; body: { moved: boolean; failures?: { ru: string }[] } }> {
  const jwt = await stack.sim.mintPowerUpJwt({ idMember: stack.board.members.director.id, idBoard: stack.board.boardId });
  const response = await fetch(`${stack.serviceUrl}/api/cards/${cardId}/next-stage`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json', Origin: 'https://trello.com' },
  });
  return { status: response.status, body: (await response.json()) as { moved: boolean; failures?: { ru: string }[] } };
}

describe('the rules editor (show-settings)', () => {
  let host: HostPage;
  let frame: FrameLocator;

  it('opens for the director full-screen, with the active version and no problems', async () => {
    host = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP });
    frame = await openRulesEditor(host, stack, { member: 'director' });
    expect(await host.page.evaluate(() => window.gkHost.modal())).toEqual({ title: 'Правила процесса', fullscreen: true });
    await frame.getByRole('heading', { name: 'Правила процесса' }).waitFor();
    await expect(frame.getByTestId('rules-base').textContent()).resolves.toMatch(/^Черновик на основе версии 1 \(.+, файл\)$/);
    await until('the active version is checked', async () => (await checkStatus(frame).textContent()) === 'Ошибок нет');
    await expect(frame.locator('.cm-gutters .cm-lineNumbers').count()).resolves.toBe(1);
    // YAML is highlighted: keys and values are drawn in different styles.
    expect(await frame.locator('.cm-line span[class^="ͼ"]').count()).toBeGreaterThan(5);
    await host.screenshot('rules-editor-open');
    expect(host.errors).toEqual([]);
  });

  it('marks a mistyped field key on its line while typing, lists it under «Ошибки», and clears it once fixed', async () => {
    await replaceInEditor(host, frame, 'contract.number, contract.date', 'contract.numbr, contract.date');
    await until('the server finds the problem', async () => (await checkStatus(frame).textContent()) === '1 ошибка');
    // The lint marker sits on the mistyped key itself, on its line.
    const marked = frame.locator('.cm-lintRange-error');
    await expect(marked.first().textContent()).resolves.toBe('contract.numbr');
    await expect(frame.locator('.cm-lint-marker-error').count()).resolves.toBe(1);

    await tab(frame, /^Ошибки \(1\)$/).click();
    const problem = frame.locator('.gk-rules-problem');
    await expect(problem.locator('.gk-rules-problem-line').textContent()).resolves.toBe(`Строка ${GATE_LINE}`);
    await expect(problem.textContent()).resolves.toContain('unknown field "contract.numbr"');
    await expect(problem.textContent()).resolves.toContain('«Подключение»');
    await host.screenshot('rules-editor-problem');
    // Clicking the problem puts the cursor on its line.
    await problem.click();
    await expect(frame.locator('.cm-activeLine').textContent()).resolves.toBe('      fields: [contract.numbr, contract.date]');

    await replaceInEditor(host, frame, 'contract.numbr', 'contract.number');
    await until('the draft is clean again', async () => (await checkStatus(frame).textContent()) === 'Ошибок нет');
    await expect(frame.locator('.cm-lintRange-error').count()).resolves.toBe(0);
    await frame.getByText('В черновике ошибок нет.').waitFor();
    expect(host.errors).toEqual([]);
  });

  it('adds org.bik to the «Подключение» gate through the form, shows the blocked card in the dry run and the line in «Отличия»', async () => {
    await tab(frame, /^Форма$/).click();
    const stage = frame.locator('details[data-stage="Подключение"]');
    await stage.locator('summary').click();
    await stage.getByLabel('Добавить: Поля, которые должны быть заполнены — «Подключение»').selectOption('org.bik');
    await until('the chip appears', async () => (await stage.locator('[data-gate-list="fields"] .gk-rules-chip').allTextContents()).some((t) => t.startsWith('org.bik')));
    await until('the draft is checked', async () => (await checkStatus(frame).textContent()) === 'Ошибок нет');
    await host.screenshot('rules-editor-form');

    await tab(frame, /^Отличия$/).click();
    const added = frame.locator('.gk-diff-added .gk-diff-text');
    await expect(added.allTextContents()).resolves.toEqual(['      fields: [contract.number, contract.date, org.bik]']);
    await expect(frame.locator('.gk-diff-removed .gk-diff-text').allTextContents()).resolves.toEqual(['      fields: [contract.number, contract.date]']);
    await host.screenshot('rules-editor-diff');

    await tab(frame, /^Пробный запуск$/).click();
    const blocked = frame.locator('[data-preview="newly-blocked"]');
    await blocked.locator('li').first().waitFor();
    await expect(blocked.locator('.gk-card-link').allTextContents()).resolves.toEqual(['Радио Ромашка']);
    await expect(blocked.textContent()).resolves.toContain('«Договор и оплата» → «Подключение»');
    const unmet = frame.locator('[data-preview="unmet-gates"]');
    await expect(unmet.locator('.gk-card-link').allTextContents()).resolves.toEqual(['Радио Василёк']);
    // An empty part says so.
    await expect(frame.locator('[data-preview="routing"]').textContent()).resolves.toContain('Ничего не меняется.');
    await host.screenshot('rules-editor-preview');
    expect(host.errors).toEqual([]);
  });

  it('saves with a required comment: «Версии» shows the new version by the director, and it becomes the base', async () => {
    await frame.getByRole('button', { name: 'Сохранить…' }).click();
    const confirm = frame.getByRole('button', { name: 'Сохранить версию' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await frame.getByLabel('Что изменено и зачем (обязательно)').fill('«Подключение» требует БИК банка');
    await confirm.click();
    await frame.getByText('Сохранена версия 2: она действует с этой минуты.').waitFor();
    await expect(frame.getByTestId('rules-base').textContent()).resolves.toMatch(/^Черновик на основе версии 2 \(.+, Ирина Директорова \(@director\)\)$/);
    expect(stack.rules.current().version).toBe(2);
    expect(stack.rules.current().config.stages.find((s) => s.list === 'Подключение')?.gate?.fields).toContain('org.bik');
    // The next move is judged under version 2 at once, without a restart: refused for the BIK.
    const refused = await nextStage(romashka);
    expect(refused.status).toBe(409);
    expect(refused.body.failures?.map((f) => f.ru)).toContain('не заполнено поле «БИК банка»');
    expect(stack.sim.card(romashka).listName).toBe('Договор и оплата');

    await tab(frame, /^Версии$/).click();
    const newest = frame.locator('tr[data-version="2"]');
    await expect(newest.textContent()).resolves.toContain('Ирина Директорова (@director)');
    await expect(newest.textContent()).resolves.toContain('«Подключение» требует БИК банка');
    await expect(newest.textContent()).resolves.toContain('действует');
    await expect(frame.locator('tr[data-version="1"]').textContent()).resolves.toContain('файл');
    await host.screenshot('rules-editor-versions');
    expect(host.errors).toEqual([]);
  });

  it('restores version 1 as a new version, after asking why', async () => {
    await frame.getByRole('button', { name: 'Восстановить версию 1' }).click();
    await frame.getByLabel('Почему восстанавливаете версию 1').fill('БИК пока не собираем');
    await frame.getByRole('button', { name: 'Восстановить как новую версию' }).click();
    await frame.getByText('Версия 1 восстановлена и действует как версия 3.').waitFor();
    const restored = frame.locator('tr[data-version="3"]');
    await expect(restored.textContent()).resolves.toContain('восстановлена версия 1');
    await expect(restored.textContent()).resolves.toContain('БИК пока не собираем');
    expect(stack.rules.current().version).toBe(3);
    expect(stack.rules.current().config.stages.find((s) => s.list === 'Подключение')?.gate?.fields).not.toContain('org.bik');
    // Under version 3 (version 1's text) the same card moves, and the audit names the version.
    expect(await nextStage(romashka)).toMatchObject({ status: 200, body: { moved: true } });
    expect(stack.sim.card(romashka).listName).toBe('Подключение');
    const [entry] = await createAuditLog({ redis: stack.redis, prefix: stack.prefix }).forCard(romashka);
    expect(entry).toMatchObject({ verdict: 'accepted', to: { name: 'Подключение' }, rulesVersion: 3 });
    await tab(frame, /^Отличия$/).click();
    await frame.getByText('Черновик совпадает с версией 3.').waitFor();
    expect(host.errors).toEqual([]);
  });

  it('refuses a save made against a stale version with the server’s message, and keeps the draft in «Отличия» after loading the active one', async () => {
    // The first `limitWorkingDays: 1` from the top is «Новая заявка»'s.
    await replaceInEditor(host, frame, 'limitWorkingDays: 1', 'limitWorkingDays: 2');
    await until('the draft is checked', async () => (await checkStatus(frame).textContent()) === 'Ошибок нет');
    // Meanwhile another admin saves a version through the API.
    const active = (await stack.versions.active())!;
    const theirs = await saveThroughApi(active.text.replace('limitWorkingDays: 10', 'limitWorkingDays: 12'), 'Договор: 12 дней', active.version);
    expect(theirs).toBe(4);

    await frame.getByRole('button', { name: 'Сохранить…' }).click();
    await frame.getByLabel('Что изменено и зачем (обязательно)').fill('Новая заявка: 2 дня');
    await frame.getByRole('button', { name: 'Сохранить версию' }).click();
    const alert = frame.locator('.gk-rules-message-error');
    await alert.waitFor();
    await expect(alert.locator('p').first().textContent()).resolves.toMatch(/^Пока вы правили черновик от версии 3, Ирина Директорова \(@director\) сохранил\(а\) версию 4 \(.+\)\. Ваш черновик не сохранён\.$/);
    // The server's own words name both versions.
    await expect(frame.getByTestId('conflict-message').textContent()).resolves.toContain('version 4 was saved by @director');
    await host.screenshot('rules-editor-conflict');
    expect(stack.rules.current().version).toBe(4);

    await frame.getByRole('button', { name: 'Загрузить действующую версию' }).click();
    await frame.getByText(/^Загружена действующая версия 4\. Ваш черновик/).waitFor();
    await expect(frame.getByTestId('rules-base').textContent()).resolves.toMatch(/^Черновик на основе версии 4 /);
    const stashed = frame.getByTestId('stashed-draft');
    await expect(stashed.locator('.gk-diff-added .gk-diff-text').allTextContents()).resolves.toContain('    limitWorkingDays: 2');
    await stashed.getByRole('button', { name: 'Вернуть этот черновик в редактор' }).click();
    await until('the draft is back', async () => (await frame.locator('.gk-diff-added .gk-diff-text').allTextContents()).includes('    limitWorkingDays: 2'));
    expect(host.errors).toEqual([]);
  });

  it('completes values (roles, field keys) and keys from the schema', async () => {
    const options = frame.locator('.cm-tooltip-autocomplete li');
    // CodeMirror takes Enter as «accept» only a moment after the list opens (its interactionDelay).
    const accept = async () => {
      await host.page.waitForTimeout(150);
      await host.page.keyboard.press('Enter');
    };
    await replaceInEditor(host, frame, 'movers: [director]', 'movers: [dir', { keepCompletion: true });
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toContain('director');
    await accept();
    // The bracket CodeMirror closed is stepped over.
    await host.page.keyboard.type(']');
    await expect(frame.locator('.cm-activeLine').textContent()).resolves.toBe('      movers: [director]');

    await replaceInEditor(host, frame, 'checked: [contract.signed', 'checked: [contract.s', { keepCompletion: true });
    await options.first().waitFor();
    expect((await options.allTextContents()).some((text) => text.startsWith('contract.signed'))).toBe(true);
    await accept();
    await expect(frame.locator('.cm-activeLine').textContent()).resolves.toBe('      checked: [contract.signed, payment.received]');

    // A key of a stage: `escalateAfter…` offers both forms, from the JSON Schema, with their descriptions.
    await replaceInEditor(host, frame, 'escalateAfterWorkingDays: 1', 'escalateAfter', { keepCompletion: true });
    await options.first().waitFor();
    const keys = await options.allTextContents();
    expect(keys.some((text) => text.startsWith('escalateAfterWorkingDays'))).toBe(true);
    expect(keys.some((text) => text.startsWith('escalateAfterWorkingHours'))).toBe(true);
    await host.screenshot('rules-editor-completion');
    await options.filter({ hasText: /^escalateAfterWorkingDays/ }).click();
    await host.page.keyboard.type('1');
    await expect(frame.locator('.cm-activeLine').textContent()).resolves.toMatch(/^ {4}escalateAfterWorkingDays: 1 +# a paid client/);
    await until('the draft is clean', async () => (await checkStatus(frame).textContent()) === 'Ошибок нет');
    expect(host.errors).toEqual([]);
  });

  it('shows what setting the board up would do, and does it on confirmation', async () => {
    await frame.getByRole('button', { name: 'Настроить доску' }).click();
    const report = frame.getByTestId('setup-report');
    await report.locator('pre').waitFor();
    // The browser stack registers no webhook: that is the one change to make.
    await expect(report.locator('pre').textContent()).resolves.toMatch(/будет зарегистрирован вебхук → http:\/\/127\.0\.0\.1:\d+\/webhooks\/trello\nPower-Up:/);
    await expect(report.textContent()).resolves.toContain('Вот что будет сделано. Нажмите «Применить», чтобы сделать это.');
    await host.screenshot('rules-editor-setup');
    expect(stack.sim.webhooks().length).toBe(0);
    await report.getByRole('button', { name: 'Применить' }).click();
    await report.getByText('Готово: доска настроена.').waitFor();
    await expect(report.getByRole('button', { name: 'Применить' }).count()).resolves.toBe(0);
    expect(stack.sim.webhooks().map((w) => w.callbackURL)).toEqual([`${stack.serviceUrl}/webhooks/trello`]);
    await report.getByRole('button', { name: 'Закрыть' }).click();
    await expect(report.count()).resolves.toBe(0);
    expect(host.errors).toEqual([]);
  });

  it('says plainly when Gatekeeper cannot be reached or fails, and loads on retry', async () => {
    const flaky = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP });
    await flaky.page.route('**/api/rules/editor', (route) => route.abort('internetdisconnected'));
    const editor = await openRulesEditor(flaky, stack, { member: 'director' });
    await expect(editor.getByTestId('rules-editor-refusal').textContent()).resolves.toBe('Нет связи с Gatekeeper. Проверьте интернет и попробуйте ещё раз.');
    await flaky.screenshot('rules-editor-offline');
    await flaky.page.unroute('**/api/rules/editor');
    await editor.getByRole('button', { name: 'Повторить' }).click();
    await until('checked', async () => (await checkStatus(editor).textContent()) === 'Ошибок нет');
    // The check fails with a 500: the status line says so in plain words; the draft stays.
    await flaky.page.route('**/api/rules/check', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal"}' }));
    await replaceInEditor(flaky, editor, 'limitWorkingDays: 5', 'limitWorkingDays: 6');
    await until('the failure is shown', async () => (await checkStatus(editor).textContent()) === 'Не удалось проверить — подробности в «Ошибках»');
    await tab(editor, /^Ошибки$/).click();
    await editor.getByText(/^Не удалось проверить: Gatekeeper сейчас не может ответить \(ошибка 500\)\. Попробуйте ещё раз через минуту/).waitFor();
    await flaky.screenshot('rules-editor-5xx');
    // The page's own errors only: the aborted request is the network's.
    expect(flaky.errors).toEqual([]);
  });

  it.each([
    ['fits a 1024 px laptop screen', LAPTOP, 'rules-editor-1024'],
    ['stacks the text above the tabs on a 360 px phone', { width: 360, height: 740 }, 'rules-editor-360'],
  ])('%s: nothing scrolls the page sideways', async (_what, viewport, screenshot) => {
    const sized = await openHost(browser, stack, { member: 'director', cards: [], viewport });
    const editor = await openRulesEditor(sized, stack, { member: 'director' });
    await until('checked', async () => (await checkStatus(editor).textContent()) === 'Ошибок нет');
    const modal = sized.page.frame({ name: 'modal' })!;
    expect(await modal.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await sized.screenshot(screenshot);
    expect(sized.errors).toEqual([]);
  });

  it('speaks English to a member whose Trello is in English', async () => {
    const en = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP, locale: 'en' });
    const editor = await openRulesEditor(en, stack, { member: 'director', locale: 'en' });
    expect(await en.page.evaluate(() => window.gkHost.modal())).toEqual({ title: 'Process rules', fullscreen: true });
    await until('checked', async () => (await checkStatus(editor).textContent()) === 'No problems');
    for (const name of ['Form', 'Problems (0)', 'Dry run', 'Changes', 'Versions']) await editor.getByRole('tab', { name, exact: true }).waitFor();
    await editor.getByRole('button', { name: 'Set up the board' }).waitFor();
    await editor.getByRole('tab', { name: 'Versions', exact: true }).click();
    await editor.locator('tr[data-version="4"]').waitFor();
    await en.screenshot('rules-editor-en');
    expect(en.errors).toEqual([]);
  });

  it('shows a member who is not an admin the server’s refusal, and no editor', async () => {
    const manager = await openHost(browser, stack, { member: 'manager', cards: [], viewport: DESKTOP });
    const editor = await openRulesEditor(manager, stack, { member: 'manager' });
    const refusal = editor.getByTestId('rules-editor-refusal');
    await expect(refusal.textContent()).resolves.toMatch(/^Правила меняют администраторы доски в Trello и .*@manager — не из них\.$/);
    await expect(editor.locator('.cm-editor').count()).resolves.toBe(0);
    await manager.screenshot('rules-editor-refused');
    expect(manager.errors).toEqual([]);
  });

  it('keeps an unsaved draft when the editor is closed: offers it on reopening, says when it is of an older version, continues it or starts over', async () => {
    const member = await openHost(browser, stack, { member: 'director', cards: [], viewport: DESKTOP });
    const reopen = async () => {
      // The host's own close button, as Trello's modal has: the editor's page goes with it.
      await member.page.locator('.modal-close').click();
      await expect(member.page.locator('iframe[name="modal"]').count()).resolves.toBe(0);
      return openRulesEditor(member, stack, { member: 'director' });
    };
    /** The draft is kept this long after the last keystroke (KEEP_DELAY_MS), and a closed page's last message to Trello is lost. */
    const keptPause = () => member.page.waitForTimeout(1_000);
    const diffAdded = (frame: FrameLocator) => frame.locator('.gk-diff-added .gk-diff-text').allTextContents();

    let editor = await openRulesEditor(member, stack, { member: 'director' });
    // The editor's page is of another site than the board's. Where the browser refuses such a frame
    // its localStorage (this Chromium does, as Brave and private windows do), the draft is kept in
    // the member's private data on the board in Trello, here the host's (draft-store.ts).
    await until('checked', async () => (await checkStatus(editor).textContent()) === 'Ошибок нет');
    const active = (await stack.versions.active())!;
    await replaceInEditor(member, editor, 'limitWorkingDays: 5', 'limitWorkingDays: 7');
    await keptPause();

    // Reopened: the draft is offered, naming its version and when it was last changed.
    editor = await reopen();
    const offer = editor.getByTestId('draft-offer');
    await offer.waitFor();
    await expect(offer.locator('p').allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^Есть несохранённый черновик на основе версии ${active.version}, последняя правка — \\d.+, \\d{1,2}:\\d{2}\\.$`)),
    ]);
    await member.screenshot('rules-editor-draft-kept');
    await offer.getByRole('button', { name: 'Продолжить черновик' }).click();
    // The offer goes once the draft's version is loaded and the draft is on screen.
    await offer.waitFor({ state: 'detached' });
    await tab(editor, /^Отличия$/).click();
    await until('the draft is back', async () => (await diffAdded(editor)).join('\n') === '    limitWorkingDays: 7');
    await expect(editor.getByTestId('rules-base').textContent()).resolves.toMatch(new RegExp(`^Черновик на основе версии ${active.version} `));

    // Meanwhile another admin saves a version: the kept draft is now of an older one, and says so.
    const theirs = await saveThroughApi(active.text.replace('limitWorkingDays: 3', 'limitWorkingDays: 4'), 'Экспертиза: 4 дня', active.version);
    editor = await reopen();
    await editor.getByTestId('draft-offer').waitFor();
    await expect(editor.getByTestId('draft-offer').locator('p').nth(1).textContent()).resolves.toBe(
      `Это не действующая версия: с тех пор сохранена версия ${theirs}. «Отличия» покажут ваши правки к версии ${active.version}, а при сохранении Gatekeeper предложит загрузить действующую версию и оставит черновик рядом.`,
    );
    await member.screenshot('rules-editor-draft-older');
    await editor.getByRole('button', { name: 'Продолжить черновик' }).click();
    await editor.getByTestId('draft-offer').waitFor({ state: 'detached' });
    // It goes on from its own version: «Отличия» show the member's change alone, not the other admin's undone.
    await expect(editor.getByTestId('rules-base').textContent()).resolves.toMatch(new RegExp(`^Черновик на основе версии ${active.version} `));
    await tab(editor, /^Отличия$/).click();
    await until('the draft is back on its version', async () => (await diffAdded(editor)).join('\n') === '    limitWorkingDays: 7');
    await expect(editor.locator('.gk-diff-removed .gk-diff-text').allTextContents()).resolves.toEqual(['    limitWorkingDays: 5']);

    // «Начать заново»: the active version's text, and nothing is offered any more.
    editor = await reopen();
    await editor.getByRole('button', { name: 'Начать заново' }).click();
    await expect(editor.getByTestId('draft-offer').count()).resolves.toBe(0);
    await expect(editor.getByTestId('rules-base').textContent()).resolves.toMatch(new RegExp(`^Черновик на основе версии ${theirs} `));
    await tab(editor, /^Отличия$/).click();
    await editor.getByText(`Черновик совпадает с версией ${theirs}.`).waitFor();
    await keptPause();
    editor = await reopen();
    await until('checked', async () => (await checkStatus(editor).textContent()) === 'Ошибок нет');
    await expect(editor.getByTestId('draft-offer').count()).resolves.toBe(0);
    expect(member.errors).toEqual([]);
  });
});
