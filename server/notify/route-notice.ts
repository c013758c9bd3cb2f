import { DEFAULT_ROUTES, rolesOfMember, sameUsername, type NotificationRoute, type ProcessConfig } from '../../rules';
import { webhookKey, type Delivery } from './delivery';
import { addressees, isCardNotice, type Notice } from './notice';

type Endpoint = Pick<Delivery, 'channel' | 'address'>;

/**
 * Who hears about a notice, where: one delivery per (channel, address), however many of the people
 * it is for share that address — two engineers routed to one group chat get one message there, and
 * one card comment mentions everyone routed to trello-comment. A notice about the board (a restored
 * webhook) skips trello-comment, which needs a card: routed only there, it reaches nobody.
 */
export function deliveriesFor(notice: Notice, config: ProcessConfig): Delivery[] {
  const deliveries = new Map<string, Delivery>();
  const add = ({ channel, address }: Endpoint, usernames: readonly string[]) => {
    if (channel === 'trello-comment' && !isCardNotice(notice)) return;
    const key = `${channel} ${address}`;
    const delivery = deliveries.get(key) ?? { channel, address, usernames: [], notice };
    for (const name of usernames) {
      if (!delivery.usernames.some((known) => sameUsername(known, name))) delivery.usernames.push(name);
    }
    deliveries.set(key, delivery);
  };
  const people = addressees(notice);
  for (const username of people) {
    for (const route of routesOf(config, username)) endpointsOf(route).forEach((endpoint) => add(endpoint, [username]));
  }
  // A refused move nobody can be named for still gets its comment, the card's record of the
  // refusal: whoever moved it is someone no route names, so the "*" route stands for them.
  if (notice.kind === 'move-reverted' && people.length === 0) {
    endpointsOf(everyoneElse(config)).forEach((endpoint) => add(endpoint, []));
  }
  const every = config.notifications.everyNotice;
  if (every) endpointsOf(every).forEach((endpoint) => add(endpoint, people));
  return [...deliveries.values()];
}

/** A member's own route replaces their roles' routes; people no route names get the "*" route. */
export function routesOf(config: ProcessConfig, username: string): NotificationRoute[] {
  const { routes } = config.notifications;
  const own = Object.entries(routes).find(([key]) => key.startsWith('@') && sameUsername(key, username));
  if (own) return [own[1]];
  const byRole = rolesOfMember(config, username).flatMap((role) => (Object.hasOwn(routes, role) ? [routes[role]!] : []));
  if (byRole.length > 0) return byRole;
  return [everyoneElse(config)];
}

function everyoneElse(config: ProcessConfig): NotificationRoute {
  return config.notifications.routes['*'] ?? DEFAULT_ROUTES['*'];
}

function endpointsOf(route: NotificationRoute): Endpoint[] {
  return route.channels.flatMap((channel): Endpoint[] => {
    switch (channel) {
      case 'trello-comment':
        return [{ channel, address: 'card' }];
      case 'telegram':
        return (route.telegram ?? []).map((chat) => ({ channel, address: String(chat) }));
      case 'email':
        return (route.email ?? []).map((address) => ({ channel, address }));
      case 'webhook':
        return (route.webhook ?? []).map((url) => ({ channel, address: webhookKey(url) }));
    }
  });
}
