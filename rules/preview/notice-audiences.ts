import type { ProcessConfig } from '../config/process-config';
import { escalationOf, limitOf } from '../calendar/stage-limit';
import { calendarOf } from '../calendar/calendar-of';
import { adminRoles } from '../process/admin-roles';
import { membersOfRole } from '../process/roles';
import { sameUsername } from '../process/same-name';

/**
 * The kinds of notice the service sends (server/notify/notice.ts, docs/notifications.md). The
 * server's preview checks at compile time that this list and its `Notice['kind']` are the same.
 */
export const NOTICE_KINDS = [
  'stage-entered',
  'move-reverted',
  'deadline-passed',
  'deadline-escalated',
  'suspended',
  'resumed',
  'link-unopened',
  'webhook-restored',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * One notice the rules would send, and the Trello usernames it is for. `stage` is null for a
 * notice whose routing no stage decides (a refused move goes to its mover, a restored webhook to
 * the admins). For `move-reverted` the one recipient is the mover; '' is a mover nobody can name.
 */
export type NoticeAudience = { kind: NoticeKind; stage: string | null; recipients: string[] };

/**
 * Every notice a config can send and to whom, following docs/notifications.md: a stage's owners
 * hear of arrivals (suspension stages say `suspended` / `resumed` instead), of its time running
 * out (stages with a limit) and of unopened credentials links (with a vault); its controllers of
 * escalations; the admins of a restored webhook. A refused move is told to whoever made it, so
 * each of `movers` stands for one such notice.
 */
export function noticeAudiences(config: ProcessConfig, movers: readonly string[]): NoticeAudience[] {
  const calendar = calendarOf(config);
  const members = (role: string) => membersOfRole(config, role);
  const audiences: NoticeAudience[] = [];
  const add = (kind: NoticeKind, stage: string | null, recipients: string[]) => audiences.push({ kind, stage, recipients });
  for (const stage of config.stages) {
    if (stage.suspension) {
      add('suspended', stage.list, members(stage.owner));
      add('resumed', stage.list, members(stage.owner));
    } else {
      add('stage-entered', stage.list, members(stage.owner));
    }
    if (limitOf(stage, calendar)) add('deadline-passed', stage.list, members(stage.owner));
    if (escalationOf(stage, calendar)) add('deadline-escalated', stage.list, members(stage.controller));
    if (config.vault) add('link-unopened', stage.list, members(stage.owner));
  }
  for (const mover of movers) add('move-reverted', null, [mover]);
  add('webhook-restored', null, distinct(adminRoles(config).flatMap(members)));
  return audiences;
}

/**
 * Everyone either config names (role members, members with a route of their own), each once, and
 * '' for a mover nobody can name: the movers whose refusals the dry run routes.
 */
export function knownMovers(...configs: ProcessConfig[]): string[] {
  const named = configs.flatMap((config) => [
    ...Object.keys(config.roles).flatMap((role) => membersOfRole(config, role)),
    ...Object.keys(config.notifications.routes).filter((key) => key.startsWith('@')),
  ]);
  return [...distinct(named.map((name) => name.replace(/^@/, ''))), ''];
}

function distinct(usernames: readonly string[]): string[] {
  const kept: string[] = [];
  for (const name of usernames) if (!kept.some((known) => sameUsername(known, name))) kept.push(name);
  return kept;
}
