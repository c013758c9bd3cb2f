import type { Logger } from 'pino';
import type { AuditLog } from '../store/audit-log';
import type { TrelloAction } from '../trello/webhook-body';
import type { AccessLog } from './access-log';
import type { VaultStore } from './vault-store';

export type ForgetDeps = {
  store: Pick<VaultStore, 'list' | 'forget'>;
  accessLog: Pick<AccessLog, 'record'>;
  /** Where the card's name is still known: Trello's deleteCard action does not carry it. */
  audit: Pick<AuditLog, 'forCard'>;
  log: Logger;
};

/**
 * A card deleted in Trello takes its station's credentials with it: nobody can open the card to
 * reach them, and a client link to them must not open any more. The erasing is logged first (who
 * deleted the card, how many entries went), like every other change to a vault; when the log
 * cannot be written nothing is erased and the caller's failure makes Trello deliver the action again.
 */
export async function forgetDeletedCard(deps: ForgetDeps, action: TrelloAction, boardId: string): Promise<number> {
  const cardId = action.data.card?.id;
  if (action.type !== 'deleteCard' || !cardId) return 0;
  const ids = (await deps.store.list(cardId)).map((entry) => entry.id);
  if (ids.length === 0) return 0;
  const cardName = action.data.card?.name ?? (await deps.audit.forCard(cardId, 1))[0]?.cardName;
  await deps.accessLog.record({
    action: 'card-deleted',
    boardId,
    cardId,
    entryIds: ids,
    memberId: action.idMemberCreator,
    ...(action.memberCreator ? { username: action.memberCreator.username } : {}),
    ...(cardName ? { cardName } : {}),
  });
  const erased = await deps.store.forget(cardId);
  deps.log.info({ cardId, boardId, entries: erased.length, actionId: action.id }, 'card deleted in Trello: its credentials are erased');
  return erased.length;
}
