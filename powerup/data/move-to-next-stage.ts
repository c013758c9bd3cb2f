import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import type { Failure } from '../../rules';
import type { Localize } from '../i18n/localize';
import { ApiError, serverMessage } from './api-client';
import type { BoardSources } from './board-sources';

/** What happened when the server was asked to move a card to its next stage. */
export type MoveOutcome =
  | { kind: 'moved'; to: string; alert: string }
  | { kind: 'refused'; to: string; failures: Failure[] }
  | { kind: 'not-moved'; alert: string };

/**
 * POST next-stage: the server judges the move with the same rules (roles included, which the
 * Power-Up cannot know) and moves the card in Trello. The board status is out of date afterwards.
 */
export async function moveToNextStage(t: HostHandlers, sources: BoardSources, localize: Localize, cardId: string): Promise<MoveOutcome> {
  try {
    const answer = await sources.api(t).nextStage(cardId);
    sources.forgetStatus(t);
    if (answer.moved) return { kind: 'moved', to: answer.to, alert: localize.text('alert-moved', { stage: answer.to }) };
    if ('dryRun' in answer) return { kind: 'not-moved', alert: localize.text('alert-dry-run', { stage: answer.to }) };
    if (answer.to && answer.failures.length > 0) return { kind: 'refused', to: answer.to, failures: answer.failures };
    return { kind: 'not-moved', alert: answer.message ?? localize.text('alert-move-failed', { reason: answer.error ?? '409' }) };
  } catch (err) {
    return { kind: 'not-moved', alert: localize.text('alert-move-failed', { reason: failureReason(localize, err) }) };
  }
}

/** Why the request failed, in the member's words: no connection, the server's own message, or its status. */
function failureReason(localize: Localize, err: unknown): string {
  // fetch's TypeError: the server cannot be reached, or did not answer in time (NoAnswerError).
  if (err instanceof TypeError) return localize.text('error-no-connection');
  const said = serverMessage(err);
  if (said) return said;
  if (err instanceof ApiError) return localize.text('error-server-status', { status: String(err.status) });
  return err instanceof Error ? err.message : String(err);
}
