import type { SimState } from '../state/sim-state';
import type { Actor, BoardRecord, CardRecord, ListRecord, MemberRecord } from '../state/records';
import type { MemberCreator, TrelloAction } from '../types';

/** The small nested objects every action repeats (docs/trello-reference.md §2 "Common fields"). */

export function avatarUrlOf(member: MemberRecord): string {
  return `https://trello-members.s3.amazonaws.com/${member.id}/${member.avatarHash}`;
}

/** Key order copied from the 2024 move fixture's memberCreator. */
export function memberCreatorOf(member: MemberRecord): MemberCreator {
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: member.avatarHash,
    avatarUrl: avatarUrlOf(member),
    fullName: member.fullName,
    idMemberReferrer: null,
    initials: member.initials,
    nonPublic: {},
    nonPublicAvailable: true,
    username: member.username,
  };
}

export const boardRef = (b: BoardRecord) => ({ id: b.id, name: b.name, shortLink: b.shortLink });
export const cardRef = (c: CardRecord) => ({ id: c.id, name: c.name, idShort: c.idShort, shortLink: c.shortLink });
/** A card that no longer exists: Trello's deleteCard carries no name (docs/trello-reference.md §2.10). */
export const deletedCardRef = (c: CardRecord) => ({ id: c.id, idShort: c.idShort, shortLink: c.shortLink });
export const listRef = (l: ListRecord) => ({ id: l.id, name: l.name });

export const memberEntity = (m: MemberRecord) => ({ type: 'member', id: m.id, username: m.username, text: m.fullName });
export const cardEntity = (c: CardRecord) => ({ type: 'card', id: c.id, shortLink: c.shortLink, text: c.name });
export const listEntity = (l: ListRecord) => ({ type: 'list', id: l.id, text: l.name });

type ActionBody = {
  type: string;
  data: Record<string, unknown>;
  limits: TrelloAction['limits'];
  translationKey: string;
  entities: Record<string, Record<string, unknown>>;
};

/**
 * Wraps a body in the common action envelope. Key order follows the 2024 move fixture.
 * `appCreator` is null for UI actions and `{id}` for API calls (docs/trello-reference.md §2).
 */
export function newAction(state: SimState, actor: Actor, body: ActionBody): TrelloAction {
  return {
    id: state.ids.objectId(),
    idMemberCreator: actor.member.id,
    data: body.data,
    appCreator: actor.appId === null ? null : { id: actor.appId },
    type: body.type,
    date: state.nowIso(),
    limits: body.limits,
    display: {
      translationKey: body.translationKey,
      entities: { ...body.entities, memberCreator: memberEntity(actor.member) },
    },
    memberCreator: memberCreatorOf(actor.member),
  };
}
