import express, { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { Language, ProcessConfig } from '../../rules';
import type { TrelloClient } from '../trello/create-trello-client';
import type { AccessLog } from './access-log';
import type { AccessLinks } from './access-links';
import { localTime } from './local-time';
import type { VaultEntry, VaultStore } from './vault-store';

export type AccessLinkPageDeps = {
  config: ProcessConfig;
  links: AccessLinks;
  store: VaultStore;
  accessLog: AccessLog;
  trello: Pick<TrelloClient, 'addComment'>;
  log: Logger;
  now: () => number;
};

/**
 * `PUBLIC_URL/access/<token>`: the client's one-time page. GET only offers to open it (mail
 * scanners and link previews fetch links; they must not use them up); POST uses the link up and
 * shows the credentials once. A used, expired or made-up token gets one and the same page.
 */
export function accessLinkPage(deps: AccessLinkPageDeps): Router {
  const router = Router();
  const lang = deps.config.language;
  router.get('/access/:token', async (req, res) => {
    const link = await deps.links.peek(req.params.token);
    send(res, link ? 200 : 404, lang, link ? offerPage(lang) : gonePage(lang));
  });
  router.post('/access/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const { token } = req.params;
    // The entries are read before the link is used up: a failure here leaves the link as it was.
    const offered = await deps.links.peek(token);
    if (!offered) return send(res, 404, lang, gonePage(lang));
    const entries = (await Promise.all(offered.entryIds.map((id) => deps.store.get(offered.cardId, id)))).filter((e): e is VaultEntry => e !== null);
    // Of any number of opens at once, one gets the link; a link to nothing any more (every entry
    // deleted since, the card with them perhaps) is used up showing nothing, logging nothing.
    const link = await deps.links.burn(token);
    if (!link || entries.length === 0) return send(res, 404, lang, gonePage(lang));
    try {
      await deps.accessLog.record({ action: 'link-opened', boardId: link.boardId, cardId: link.cardId, entryIds: link.entryIds, recipient: link.recipient || undefined });
    } catch (err) {
      // Not recorded, not shown: the link goes back for its remaining life, to be opened later.
      await deps.links.restore(token, link);
      deps.log.error({ err, cardId: link.cardId }, 'a client credentials link could not be opened: the access log cannot be written');
      return send(res, 503, lang, retryPage(lang));
    }
    send(res, 200, lang, credentialsPage(lang, entries));
    const at = localTime(deps.config, new Date(deps.now()), false);
    const text = lang === 'en' ? `The client opened the credentials link ${at}.` : `Клиент открыл доступы ${at}.`;
    await deps.trello.addComment(link.cardId, text).catch((err: Error) => deps.log.warn({ err, cardId: link.cardId }, 'could not comment that a client opened a credentials link'));
  });
  return router;
}

function send(res: Response, status: number, lang: Language, body: string): void {
  res
    .status(status)
    .set({
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow, noarchive',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'Content-Type': 'text/html; charset=utf-8',
    })
    .send(page(lang, body));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(lang: Language, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer"><title>${lang === 'en' ? 'Access details' : 'Доступы'}</title>
<style>body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#172b4d;background:#f4f5f7;margin:0;padding:24px 16px}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(9,30,66,.2)}
h1{font-size:22px;margin:0 0 12px}p{margin:0 0 12px}dl{margin:0 0 16px;padding:12px 16px;border:1px solid #dfe1e6;border-radius:6px}
dt{font-size:13px;color:#5e6c84;margin-top:8px}dt:first-child{margin-top:0}dl:last-child,p:last-child{margin-bottom:0}dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all;user-select:all}
dd.text{font-family:inherit;word-break:normal;overflow-wrap:anywhere;white-space:pre-line;user-select:text}
h2{font-size:17px;margin:16px 0 4px}button{font:inherit;background:#0c66e4;color:#fff;border:0;border-radius:4px;padding:10px 18px;cursor:pointer}
.note{color:#172b4d;font-size:14px;background:#fff7d6;border-radius:4px;padding:8px 12px}
@media (max-width:480px){body{padding:12px 8px}main{padding:20px 16px}}</style></head><body><main>${body}</main></body></html>`;
}

function offerPage(lang: Language): string {
  return lang === 'en'
    ? '<h1>Access details</h1><p>This link opens once. Open it when you are ready to save the details: they will not be shown again.</p><form method="post"><button type="submit">Show the access details</button></form>'
    : '<h1>Доступы</h1><p>Ссылка открывается один раз. Откройте её, когда будете готовы сохранить данные: второй раз они не покажутся.</p><form method="post"><button type="submit">Показать доступы</button></form>';
}

function gonePage(lang: Language): string {
  return lang === 'en'
    ? '<h1>This link is no longer valid</h1><p>Links to access details open once and expire after a few days. Ask your manager for a new one.</p>'
    : '<h1>Ссылка больше не действует</h1><p>Ссылки на доступы открываются один раз и действуют несколько дней. Попросите менеджера прислать новую.</p>';
}

function retryPage(lang: Language): string {
  return lang === 'en'
    ? '<h1>Please try again in a few minutes</h1><p>The details could not be shown right now. The link still works.</p>'
    : '<h1>Попробуйте через несколько минут</h1><p>Сейчас показать данные не получилось. Ссылка по-прежнему действует.</p>';
}

function credentialsPage(lang: Language, entries: VaultEntry[]): string {
  const en = lang === 'en';
  // Login, password and address in a fixed-width face, to copy letter by letter; the note as prose.
  const row = (term: string, value: string, prose = false) => (value ? `<dt>${term}</dt><dd${prose ? ' class="text"' : ''}>${escape(value)}</dd>` : '');
  const items = entries
    .map((e) => `<h2>${escape(e.label)}</h2><dl>${row(en ? 'Login' : 'Логин', e.login)}${row(en ? 'Password' : 'Пароль', e.secret)}${row(en ? 'Address' : 'Адрес', e.url)}${row(en ? 'Note' : 'Примечание', e.note, true)}</dl>`)
    .join('');
  const head = en
    ? '<h1>Your access details</h1><p class="note">Save them now: this page will not open again.</p>'
    : '<h1>Ваши доступы</h1><p class="note">Сохраните их сейчас: страница больше не откроется.</p>';
  return head + (items || `<p>${en ? 'The details were withdrawn after the link was sent.' : 'Данные отозвали после отправки ссылки.'}</p>`);
}
