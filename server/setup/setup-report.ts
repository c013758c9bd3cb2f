import type { Language } from '../../rules';
import { changeCount, needsPerson, type BoardSetupPlan } from './plan-board-setup';
import type { AppliedSetup } from './set-up-board';

const quoted = (names: string[]) => names.map((name) => `«${name}»`).join(', ');

/** How the reader makes the changes: `npm run setup -- … --apply`, or the editor's «Применить». */
export type ApplyHint = 'cli' | 'editor';

/**
 * The report's words in each language: `npm run setup` prints English, the rules editor shows the
 * admin's language. Lines that need a person start with the same marker in both, to stand out.
 */
const WORDS = {
  en: {
    title: (boardId: string, applied: boolean) => `board ${boardId}: ${applied ? 'set-up applied' : 'set-up plan (dry run: nothing was changed)'}`,
    sections: { lists: 'lists:', members: 'members:', webhook: 'webhook:', powerUp: 'power-up:' },
    person: 'NEEDS A PERSON',
    place: (after: string | null) => (after === null ? 'first on the board' : `after «${after}»`),
    created: (name: string, where: string, id: string, pos: number) => `created «${name}» ${where} (id ${id}, pos ${pos})`,
    wouldCreate: (name: string, where: string, pos: number) => `would create «${name}» ${where} (pos ${pos})`,
    archived: (name: string) =>
      `«${name}» is archived — restore it in Trello (board menu → Archived items → Switch to lists → Restore); set-up does not create a second list of that name`,
    allLists: (n: number) => `ok: the ${n === 1 ? '1 stage list is' : `${n} stage lists are`} on the board`,
    someLists: (present: number, all: number) => `ok: ${present} of the ${all} stage lists are on the board`,
    duplicate: (name: string) => `warning: «${name}» is open on the board more than once; Gatekeeper treats each one as the stage`,
    unknown: (names: string[]) => `note: not in the rules: ${quoted(names)} (left as ${names.length === 1 ? 'it is' : 'they are'})`,
    missingMember: (username: string, roles: string[]) => `@${username} (${roles.join(', ')}) is not a member of the board — invite them (Share), or change the role in the rules`,
    allMembers: (n: number) => `ok: the ${n === 1 ? '1 person' : `${n} people`} the roles name ${n === 1 ? 'is a member' : 'are members'} of the board`,
    registered: (id: string, url: string) => `registered webhook ${id} → ${url}`,
    reenabled: (id: string, url: string) => `turned webhook ${id} back on → ${url}`,
    wouldRegister: (url: string) => `would register a webhook → ${url}`,
    wouldEnable: (id: string, failures: number, url: string) => `would turn webhook ${id} back on (Trello disabled it after ${failures} failed deliveries) → ${url}`,
    hookOk: (id: string, url: string) => `ok: webhook ${id} → ${url} is registered and active`,
    hookFailing: (n: number) => `warning: Trello's last ${n === 1 ? 'delivery' : `${n} deliveries`} to it failed — check that PUBLIC_URL reaches this service`,
    noData: (id: string) => `warning: no card has station data from POWERUP_ID (${id}) yet — is the Power-Up enabled on the board?`,
    data: (withData: number, cards: number, id: string) => `ok: ${withData} of ${cards} open ${cards === 1 ? 'card carries' : 'cards carry'} station data from POWERUP_ID (${id})`,
    nothing: 'result: nothing to do',
    done: (n: number) => `result: done — ${n === 1 ? '1 change' : `${n} changes`} made`,
    toMake: (n: number, hint: ApplyHint) =>
      `result: ${n === 1 ? '1 change' : `${n} changes`} to make — ${hint === 'cli' ? 'run again with --apply' : 'press «Apply»'} to make ${n === 1 ? 'it' : 'them'}`,
    todo: (members: number, lists: number) => [
      members ? `${members} ${members === 1 ? 'member' : 'members'} to invite` : '',
      lists ? `${lists} archived ${lists === 1 ? 'list' : 'lists'} to restore` : '',
    ].filter(Boolean).join(', ') + ' (see above); the board is not fully set up until then',
  },
  ru: {
    title: (boardId: string, applied: boolean) => `доска ${boardId}: ${applied ? 'настройка выполнена' : 'план настройки (ничего не изменено)'}`,
    sections: { lists: 'списки:', members: 'участники:', webhook: 'вебхук:', powerUp: 'Power-Up:' },
    person: 'НУЖЕН ЧЕЛОВЕК',
    place: (after: string | null) => (after === null ? 'первым на доске' : `после «${after}»`),
    created: (name: string, where: string, id: string, pos: number) => `создан список «${name}» ${where} (id ${id}, pos ${pos})`,
    wouldCreate: (name: string, where: string, pos: number) => `будет создан список «${name}» ${where} (pos ${pos})`,
    archived: (name: string) =>
      `«${name}» в архиве — верните его в Trello (меню доски → Архив → Списки → Вернуть); второй список с тем же именем настройка не создаёт`,
    allLists: (n: number) => `в порядке: все списки этапов (${n}) есть на доске`,
    someLists: (present: number, all: number) => `в порядке: ${present} из ${all} списков этапов есть на доске`,
    duplicate: (name: string) => `внимание: «${name}» открыт на доске несколько раз; Gatekeeper считает этапом каждый`,
    unknown: (names: string[]) => `заметка: нет в правилах: ${quoted(names)} (остаются как есть)`,
    missingMember: (username: string, roles: string[]) => `@${username} (${roles.join(', ')}) не участник доски — пригласите (Поделиться) или измените роль в правилах`,
    allMembers: (n: number) => `в порядке: все, кого называют роли (${n}), — участники доски`,
    registered: (id: string, url: string) => `вебхук ${id} зарегистрирован → ${url}`,
    reenabled: (id: string, url: string) => `вебхук ${id} снова включён → ${url}`,
    wouldRegister: (url: string) => `будет зарегистрирован вебхук → ${url}`,
    wouldEnable: (id: string, failures: number, url: string) => `вебхук ${id} будет снова включён (Trello выключил его после ${failures} неудачных доставок) → ${url}`,
    hookOk: (id: string, url: string) => `в порядке: вебхук ${id} → ${url} зарегистрирован и включён`,
    hookFailing: (n: number) => `внимание: последние доставки Trello (${n}) не дошли — проверьте, что PUBLIC_URL ведёт к сервису`,
    noData: (id: string) => `внимание: ни у одной карточки пока нет данных станции от POWERUP_ID (${id}) — включён ли Power-Up на доске?`,
    data: (withData: number, cards: number, id: string) => `в порядке: данные станции от POWERUP_ID (${id}) есть у ${withData} из ${cards} открытых карточек`,
    nothing: 'итог: делать нечего',
    done: (n: number) => `итог: готово, изменений: ${n}`,
    toMake: (n: number, hint: ApplyHint) => `итог: изменений к выполнению: ${n} — ${hint === 'cli' ? 'запустите снова с --apply' : 'нажмите «Применить»'}`,
    todo: (members: number, lists: number) => [
      members ? `пригласить участников: ${members}` : '',
      lists ? `вернуть из архива списков: ${lists}` : '',
    ].filter(Boolean).join(', ') + ' (см. выше); пока это не сделано, доска настроена не до конца',
  },
} satisfies Record<Language, unknown>;

/**
 * What board set-up found and would do, per part (lists, members, webhook, Power-Up), or with
 * `applied` what it did, then one result line: what `npm run setup` prints (English, `cli`) and
 * what the rules editor shows (the admin's language, `editor`).
 */
export function setupReport(
  plan: BoardSetupPlan,
  applied: AppliedSetup | null,
  callbackURL: string,
  opts: { language?: Language; hint?: ApplyHint } = {},
): string {
  const w = WORDS[opts.language ?? 'en'];
  const lines: string[] = [w.title(plan.boardId, applied !== null)];
  const person = (text: string) => lines.push(`  ${w.person}: ${text}`);

  lines.push(w.sections.lists);
  if (applied) {
    plan.createLists.forEach((list, n) => {
      const made = applied.lists[n];
      if (made) lines.push(`  ${w.created(made.name, w.place(list.after), made.id, made.pos)}`);
    });
  } else {
    for (const list of plan.createLists) lines.push(`  ${w.wouldCreate(list.name, w.place(list.after), list.pos)}`);
  }
  for (const name of plan.archivedStageLists) person(w.archived(name));
  const present = plan.stageLists - plan.createLists.length - plan.archivedStageLists.length;
  if (plan.createLists.length === 0 && plan.archivedStageLists.length === 0) lines.push(`  ${w.allLists(plan.stageLists)}`);
  else if (present > 0) lines.push(`  ${w.someLists(present, plan.stageLists)}`);
  for (const name of plan.duplicateLists) lines.push(`  ${w.duplicate(name)}`);
  if (plan.unknownLists.length > 0) lines.push(`  ${w.unknown(plan.unknownLists)}`);

  lines.push(w.sections.members);
  for (const { username, roles } of plan.missingMembers) person(w.missingMember(username, roles));
  if (plan.missingMembers.length === 0) lines.push(`  ${w.allMembers(plan.roleMembers)}`);

  lines.push(w.sections.webhook);
  const hook = plan.webhook;
  if (applied?.webhook) {
    const { id, created } = applied.webhook;
    lines.push(`  ${created ? w.registered(id, callbackURL) : w.reenabled(id, callbackURL)}`);
  } else if (hook.action === 'create') lines.push(`  ${w.wouldRegister(callbackURL)}`);
  else if (hook.action === 'enable') lines.push(`  ${w.wouldEnable(hook.id, hook.consecutiveFailures, callbackURL)}`);
  else lines.push(`  ${w.hookOk(hook.id, callbackURL)}`);
  if (hook.action !== 'create' && hook.consecutiveFailures > 0) lines.push(`  ${w.hookFailing(hook.consecutiveFailures)}`);

  lines.push(w.sections.powerUp);
  const { powerUpId, cards, cardsWithData } = plan.powerUp;
  lines.push(`  ${cardsWithData === 0 ? w.noData(powerUpId) : w.data(cardsWithData, cards, powerUpId)}`);

  const changes = changeCount(plan);
  if (changes === 0) lines.push(w.nothing);
  else lines.push(applied ? w.done(changes) : w.toMake(changes, opts.hint ?? 'cli'));
  if (needsPerson(plan)) lines.push(`${w.person}: ${w.todo(plan.missingMembers.length, plan.archivedStageLists.length)}`);
  return `${lines.join('\n')}\n`;
}
