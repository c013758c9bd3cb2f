import { avatarUrlOf } from '../actions/action-parts';
import type { SimState } from '../state/sim-state';
import type { MemberRecord } from '../state/records';
import { pickFields, type FieldSelection } from './pick-fields';

/** `GET /1/boards/{id}/members` default (docs/trello-reference.md §3.4, unverified by the reference). */
export const BOARD_MEMBER_DEFAULT_FIELDS: FieldSelection = ['fullName', 'username'];
/** `members=true` on a card: default member_fields (docs/trello-reference.md §3.1). */
export const CARD_MEMBER_DEFAULT_FIELDS: FieldSelection = ['avatarHash', 'fullName', 'initials', 'username'];

/** Every member field the simulator knows; `GET /1/members/me` returns them all by default. */
export function allMemberFields(state: SimState, member: MemberRecord): Record<string, unknown> {
  const idBoards = [...state.boards.values()].filter((b) => b.memberIds.includes(member.id)).map((b) => b.id);
  return {
    id: member.id,
    activityBlocked: false,
    avatarHash: member.avatarHash,
    avatarUrl: avatarUrlOf(member),
    bio: '',
    bioData: null,
    confirmed: true,
    fullName: member.fullName,
    idEnterprise: null,
    idMemberReferrer: null,
    idOrganizations: [],
    idBoards,
    initials: member.initials,
    memberType: 'normal',
    nonPublic: {},
    nonPublicAvailable: true,
    status: 'disconnected',
    url: `https://trello.com/${member.username}`,
    username: member.username,
  };
}

export function memberJson(state: SimState, member: MemberRecord, fields: FieldSelection): Record<string, unknown> {
  return pickFields(allMemberFields(state, member), fields);
}
