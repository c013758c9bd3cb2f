import { knownRole } from './check-names';
import { formatPath } from './format-path';
import type { NotificationRoute } from './notifications-schema';
import type { ProcessConfig } from './process-config';
import { duplicates } from './reference-helpers';
import type { RulesProblem } from './rules-error';

/** The addresses each channel needs in its route; a trello-comment is written on the card itself. */
const ADDRESS_KEY = { telegram: 'telegram', email: 'email', webhook: 'webhook' } as const;
const ADDRESS_WORD = { telegram: 'chat ids', email: 'addresses', webhook: 'URLs' } as const;

/**
 * The notifications section beyond its shape: routes name real roles, everyone has a route, and a
 * channel never lacks what it needs to send — a channel without addresses would be skipped
 * silently, which is exactly the "I didn't know it was my turn" this service exists to end.
 */
export function checkNotifications(config: ProcessConfig): RulesProblem[] {
  const { routes, everyNotice } = config.notifications;
  const path = 'notifications.routes';
  const keys = Object.keys(routes);
  return [
    ...(Object.hasOwn(routes, '*') ? [] : [{ path, message: 'add a "*" route: it tells everyone no other route names, e.g. "*": { channels: [trello-comment] }' }]),
    ...keys.filter((key) => key !== '*' && !key.startsWith('@')).flatMap((role) => knownRole(config, role, routePath(role))),
    ...duplicates(
      keys.filter((key) => key.startsWith('@')).map((key) => ({ name: key, path: routePath(key) })),
      'member route',
      (key) => key.toLowerCase(),
    ),
    ...Object.entries(routes).flatMap(([key, route]) => checkRoute(route, routePath(key))),
    ...(everyNotice ? checkEveryNotice(everyNotice) : []),
    ...checkSender(config),
  ];
}

function routePath(key: string): string {
  return formatPath(['notifications', 'routes', key]);
}

function checkRoute(route: NotificationRoute, path: string): RulesProblem[] {
  return [
    ...duplicates(route.channels.map((name, i) => ({ name, path: `${path}.channels[${i}]` })), 'channel'),
    ...[...new Set(route.channels)].flatMap((channel) => {
      if (channel === 'trello-comment' || route[ADDRESS_KEY[channel]]) return [];
      const message = `channel "${channel}" is listed but no ${ADDRESS_WORD[channel]} are given: add ${channel}: [...]`;
      return [{ path: `${path}.${channel}`, message }];
    }),
    ...(['telegram', 'email', 'webhook'] as const).flatMap((channel) => {
      if (!route[channel] || route.channels.includes(channel)) return [];
      const message = `${ADDRESS_WORD[channel]} are given but "${channel}" is not in channels; add it there, or remove these`;
      return [{ path: `${path}.${channel}`, message }];
    }),
  ];
}

function checkEveryNotice(route: NotificationRoute): RulesProblem[] {
  const path = 'notifications.everyNotice';
  const i = route.channels.indexOf('trello-comment');
  const comment = i < 0 ? [] : [{ path: `${path}.channels[${i}]`, message: 'the card comment already goes with every notice; list trello-comment under routes' }];
  return [...comment, ...checkRoute(route, path)];
}

function checkSender(config: ProcessConfig): RulesProblem[] {
  const { routes, everyNotice, emailFrom } = config.notifications;
  const mailing = [...Object.values(routes), ...(everyNotice ? [everyNotice] : [])].some((r) => r.channels.includes('email'));
  if (!mailing || emailFrom) return [];
  return [{ path: 'notifications.emailFrom', message: 'a route uses email, so the sender is required, e.g. emailFrom: "Gatekeeper <gatekeeper@example.com>"' }];
}
