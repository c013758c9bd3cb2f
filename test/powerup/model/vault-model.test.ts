import { ApiError } from '../../../powerup/data/api-client';
import type { VaultAccessView } from '../../../powerup/model/api-contract';
import { VAULT_ACTIONS } from '../../../rules/vault/vault-actions';
import { accessLine, entryProblems, holderNames, linkHref, personWithLogin, problemText, secondsLeft, shareProblem, shareSuggestsCopy, updatedLine } from '../../../powerup/model/vault-model';
import { localized } from '../support/localize';

const irina = { username: 'director', fullName: 'Ирина Директорова' };
const evgeny = { username: 'engineer', fullName: 'Евгений Инженеров' };

describe('«Доступы»: names', () => {
  it('names a holder by full name and login, or by login alone', () => {
    expect(personWithLogin(irina)).toBe('Ирина Директорова (@director)');
    expect(personWithLogin({ username: 'ghost', fullName: null })).toBe('@ghost');
    expect(personWithLogin({ username: 'ghost', fullName: '  ' })).toBe('@ghost');
  });

  it('lists who may view, or says nobody', () => {
    expect(localized({ key: 'vault-holders-view', data: { names: holderNames([evgeny, irina])! } })).toBe(
      'Показать могут: Евгений Инженеров (@engineer), Ирина Директорова (@director)',
    );
    expect(holderNames([])).toBeNull();
  });

  it('says when and by whom an entry changed', () => {
    expect(localized(updatedLine({ updatedAt: '2026-11-27T10:00:00.000Z', updatedBy: evgeny }))).toMatch(/^Изменено \d{2}\.11\.2026 · Евгений Инженеров$/);
    expect(localized(updatedLine({ updatedAt: '2026-11-27T10:00:00.000Z', updatedBy: null }), 'en')).toMatch(/^Changed \d{2}\.11\.2026$/);
  });
});

describe('«Доступы»: links', () => {
  it('links http and https only', () => {
    expect(linkHref('https://panel.example.ru/stats')).toBe('https://panel.example.ru/stats');
    expect(linkHref('http://10.0.0.1:8000')).toBe('http://10.0.0.1:8000/');
    expect(linkHref('icecast://source@stream.example.ru:8000/live')).toBeNull();
    expect(linkHref('javascript:alert(1)')).toBeNull();
    expect(linkHref('not a url')).toBeNull();
    expect(linkHref('')).toBeNull();
    expect(linkHref(undefined)).toBeNull();
  });
});

describe('«Доступы»: the server’s complaints', () => {
  it('splits a 400 invalid_entry message by field, the rest for the form', () => {
    expect(entryProblems('label: a label is required, e.g. «Icecast source»; secret: the secret is required')).toEqual({
      fields: { label: 'a label is required, e.g. «Icecast source»', secret: 'the secret is required' },
      form: [],
    });
    expect(entryProblems('url: a URL, e.g. https://panel.example.ru; colour: unknown; Invalid input')).toEqual({
      fields: { url: 'a URL, e.g. https://panel.example.ru' },
      form: ['colour: unknown', 'Invalid input'],
    });
    expect(entryProblems('')).toEqual({ fields: {}, form: [] });
  });

  it('words a refusal, a log that cannot be written, a vanished entry and a lost connection plainly', () => {
    const forbidden = new ApiError(403, 'x', { error: 'vault_forbidden', message: 'only Инженер, Директор may reveal or copy a secret' });
    expect(localized(problemText(forbidden))).toBe('нет права (only Инженер, Директор may reveal or copy a secret)');
    const logDown = new ApiError(503, 'x', { error: 'access_log_unavailable', message: 'try again shortly' });
    expect(localized(problemText(logDown))).toMatch(/^журнал доступа сейчас не записывается, поэтому ничего не показано и не изменено.*\(try again shortly\)$/);
    expect(localized(problemText(new ApiError(404, 'x', { error: 'no_such_entry', message: 'gone' })))).toMatch(/^этой записи уже нет/);
    expect(localized(problemText(new TypeError('Failed to fetch')))).toMatch(/^нет связи с сервером/);
    expect(localized(problemText(new ApiError(500, '[api] GET x answered 500: Internal Server Error', undefined)), 'en')).toBe('[api] GET x answered 500: Internal Server Error');
  });
});

describe('«Журнал доступа»', () => {
  const row: VaultAccessView = { id: '5-0', at: '2026-11-27T10:05:00.000Z', action: 'reveal', cardId: 'c1', label: 'Icecast source', person: irina };

  it('says who did what to which entry, and when', () => {
    const line = accessLine(row, 'Europe/Moscow');
    expect(line).toEqual({
      id: '5-0', at: '2026-11-27T10:05:00.000Z', when: '27.11.2026 13:05', who: 'Ирина Директорова',
      action: { key: 'vault-action-reveal' }, what: { key: 'vault-log-entry', data: { label: 'Icecast source' } }, recipient: null,
    });
    expect(localized(line.action)).toBe('показ пароля');
    expect(localized(line.action, 'en')).toBe('showed the password');
    expect(localized(accessLine({ ...row, label: null }).what)).toBe('(запись удалена)');
  });

  it('has a word for every action, in both languages', () => {
    for (const action of VAULT_ACTIONS) {
      const line = accessLine({ ...row, action }, 'UTC');
      expect(localized(line.action)).not.toBe('');
      expect(localized(line.action, 'en')).not.toBe('');
    }
  });

  it('counts the entries of a share, with the address it was mailed to, or says the link was made to copy', () => {
    const shared = { ...row, action: 'share' as const, label: null, entryCount: 2, person: { username: 'manager', fullName: 'Пётр Менеджеров' } };
    const mailed = accessLine({ ...shared, recipient: 'tech@radio.example.ru' });
    expect([mailed.who, localized(mailed.action), localized(mailed.what), mailed.recipient]).toEqual(['Пётр Менеджеров', 'отправка клиенту', '(2 доступа)', 'tech@radio.example.ru']);
    expect(localized(mailed.what, 'en')).toBe('(2 entries)');
    const copied = accessLine({ ...shared, entryCount: 1 });
    expect([localized(copied.action), localized(copied.what), copied.recipient]).toEqual(['ссылка для клиента', '(1 доступ)', null]);
    expect(localized(accessLine({ ...shared, entryCount: 5 }).what)).toBe('(5 доступов)');
  });

  it('lets the client’s opening of a link say itself, naming the address it went to', () => {
    const opened = { ...row, action: 'link-opened' as const, person: null, label: null, entryCount: 2 };
    const line = accessLine({ ...opened, recipient: 'ivan@radio.example.ru' }, 'UTC');
    expect(line).toMatchObject({ who: null, recipient: null });
    expect(`${localized(line.action)} ${localized(line.what)}`).toBe('Клиент открыл ссылку для ivan@radio.example.ru (2 доступа)');
    expect(localized(line.action, 'en')).toBe('The client opened the link for ivan@radio.example.ru');
    expect(localized(accessLine(opened, 'UTC').action)).toBe('Клиент открыл ссылку');
  });

  it('says who deleted the card in Trello and how many entries were erased with it', () => {
    const deleted = { ...row, action: 'card-deleted' as const, label: null, entryCount: 2, cardName: 'Радио Ромашка', person: { username: 'manager', fullName: 'Пётр Менеджеров' } };
    const line = accessLine(deleted, 'UTC');
    expect(`${line.who}: ${localized(line.action)} ${localized(line.what)}`).toBe('Пётр Менеджеров: карточка удалена в Trello, доступы стёрты (2 доступа)');
    expect(`${localized(line.action, 'en')} ${localized(line.what, 'en')}`).toBe('card deleted in Trello, credentials erased (2 entries)');
  });
});

describe('«Отправить клиенту»: refusals', () => {
  const refusal = (status: number, error: string, text: string) => new ApiError(status, `[api] answered ${status}`, { error, message: text });

  it('suggests copying the link when there is no address to mail or no mail at all', () => {
    const noContact = refusal(409, 'no_contact_email', 'the card has no valid technical contact e-mail (contact.email); fill it in, or copy the link and send it yourself');
    expect(localized(shareProblem(noContact))).toMatch(/^в карточке нет правильного адреса технического контакта\. .*«Скопировать ссылку, отправлю сам» \(the card has no valid/);
    const noMail = refusal(409, 'email_unavailable', 'the service sends no e-mail (SMTP_URL is not set); copy the link and send it yourself');
    expect(localized(shareProblem(noMail), 'en')).toMatch(/^this service sends no e-mail\. Choose “Copy a link, I will send it myself”/);
    expect([noContact, noMail, refusal(502, 'email_failed', 'smtp said no')].map(shareSuggestsCopy)).toEqual([true, true, true]);
  });

  it('says the rest as any other vault failure', () => {
    const forbidden = refusal(403, 'vault_forbidden', 'only engineer, manager may send credentials to the client');
    expect(localized(shareProblem(forbidden))).toBe('нет права (only engineer, manager may send credentials to the client)');
    expect(shareSuggestsCopy(forbidden)).toBe(false);
  });
});

describe('the reveal countdown', () => {
  it('counts whole seconds down to zero', () => {
    expect(secondsLeft(30_000, 0)).toBe(30);
    expect(secondsLeft(30_000, 250)).toBe(30);
    expect(secondsLeft(30_000, 29_001)).toBe(1);
    expect(secondsLeft(30_000, 30_000)).toBe(0);
    expect(secondsLeft(30_000, 40_000)).toBe(0);
  });
});
