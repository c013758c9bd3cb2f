import type { BoardRecord, ListRecord } from '../state/records';
import { slugOf } from './pick-fields';

const LABEL_COLOURS = ['green', 'yellow', 'orange', 'red', 'purple', 'blue', 'sky', 'lime', 'pink', 'black'];

/**
 * The board as webhook `model` and as `GET /1/boards/{id}` (docs/trello-reference.md §1.5): key set and prefs
 * copied from fixture createCard-2020.json. Trello's real board has many more fields
 * (memberships, limits, …) that the service does not read.
 */
export function boardJson(board: BoardRecord): Record<string, unknown> {
  return {
    id: board.id,
    name: board.name,
    desc: board.desc,
    descData: null,
    closed: board.closed,
    idOrganization: null,
    idEnterprise: null,
    pinned: false,
    url: `https://trello.com/b/${board.shortLink}/${slugOf(board.name)}`,
    shortUrl: `https://trello.com/b/${board.shortLink}`,
    prefs: {
      permissionLevel: 'private',
      hideVotes: false,
      voting: 'disabled',
      comments: 'members',
      invitations: 'members',
      selfJoin: true,
      cardCovers: true,
      isTemplate: false,
      cardAging: 'regular',
      calendarFeedEnabled: false,
      background: 'blue',
      backgroundImage: null,
      backgroundImageScaled: null,
      backgroundTile: false,
      backgroundBrightness: 'dark',
      backgroundColor: '#0079BF',
      backgroundBottomColor: '#0079BF',
      backgroundTopColor: '#0079BF',
      canBePublic: true,
      canBeEnterprise: true,
      canBeOrg: true,
      canBePrivate: true,
      canInvite: true,
    },
    labelNames: Object.fromEntries(LABEL_COLOURS.map((colour) => [colour, ''])),
  };
}

/** `GET /1/boards/{id}/lists` item, as in the board export cited in docs/trello-reference.md §3.4. */
export function listJson(list: ListRecord): Record<string, unknown> {
  return {
    id: list.id,
    name: list.name,
    closed: list.closed,
    color: null,
    idBoard: list.idBoard,
    pos: list.pos,
    subscribed: false,
    softLimit: null,
  };
}

/** A list nested in a card (`list=true`) and a list webhook's `model` (docs/trello-reference.md §1.5). */
export function nestedListJson(list: ListRecord): Record<string, unknown> {
  return { id: list.id, name: list.name, closed: list.closed, idBoard: list.idBoard, pos: list.pos };
}
