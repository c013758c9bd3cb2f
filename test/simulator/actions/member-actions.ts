import type { SimState } from '../state/sim-state';
import type { Actor, CardRecord, MemberRecord } from '../state/records';
import type { TrelloAction } from '../types';
import { boardRef, cardEntity, cardRef, memberEntity, newAction } from './action-parts';

/**
 * addMemberToCard (docs/trello-reference.md §2.7): `data{board, card, idMember, member{id,name}}` as newer payloads carry it,
 * and the added member at the top level like fixture addMemberToCard-action-2015.json. Adding
 * oneself is `action_member_joined_card`, adding someone else `action_added_member_to_card`.
 */
export function addMemberToCardAction(state: SimState, actor: Actor, card: CardRecord, member: MemberRecord): TrelloAction {
  const self = member.id === actor.member.id;
  const action = newAction(state, actor, {
    type: 'addMemberToCard',
    data: {
      board: boardRef(state.boardOf(card)),
      card: cardRef(card),
      idMember: member.id,
      member: { id: member.id, name: member.fullName },
    },
    limits: null,
    translationKey: self ? 'action_member_joined_card' : 'action_added_member_to_card',
    entities: { card: cardEntity(card), ...(self ? {} : { member: memberEntity(member) }) },
  });
  return {
    ...action,
    member: { id: member.id, avatarHash: member.avatarHash, fullName: member.fullName, initials: member.initials, username: member.username },
  } as TrelloAction;
}
