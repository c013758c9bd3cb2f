import type { Router } from 'express';
import {
  isInRole, membersOfRole, toDecisionRecord, visitRecords,
  type CardHistory, type Person, type ProcessConfig, type TurnRecord,
} from '../../rules';
import { ApiError } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import type { StageVisit } from '../store/stage-history';
import { peopleOf } from '../trello/board-lookups';
import { personOf, responsibleNow } from './board-report-cards';
import type { ReportDeps } from './report-deps';
import { stageWithTurn } from './stage-turn';
import { viewerOf, type Viewer } from './report-viewer';

/**
 * `GET /api/cards/:cardId/history`: the card's visits (oldest first, each with who took it), its
 * decisions (newest first) and whose turn it is now. The card must be on the token's board.
 */
export function cardHistoryRoute(deps: ReportDeps): Router {
  const router = apiRouter();
  router.get('/cards/:cardId/history', async (req, res) => {
    const { cardId } = req.params;
    const viewer = await viewerOf(res, deps);
    const { idList } = await cardOnBoard(deps, cardId, viewer.boardId);
    const [visits, takes, decisions, members] = await Promise.all([
      deps.history.all(cardId),
      deps.responsibles.allOf([cardId]),
      deps.audit.recordsOfCard(cardId),
      deps.lookups.members(viewer.boardId),
    ]);
    const cardTakes = takes.get(cardId) ?? [];
    const people = peopleOf(members);
    const body: CardHistory = {
      cardId,
      visits: visitRecords(deps.config, visits, (visit) => personOf(cardTakes.find((t) => t.visit === visit.enteredAt) ?? null), new Date(deps.now())),
      decisions: decisions.map((entry) => toDecisionRecord(entry, people)),
      turn: turnOf(deps.config, visits, responsibleNow(visits, cardTakes, idList), idList, viewer, people),
    };
    res.set('Cache-Control', 'private, no-cache').json(body);
  });
  return router;
}

/**
 * Where the card is and who is on it, checked to be on the board: from the board's cached cards, or
 * for a card the cache does not hold (just made, archived, or of another board) from Trello itself.
 */
export async function cardOnBoard(
  deps: Pick<ReportDeps, 'boardCards' | 'trello'>,
  cardId: string,
  boardId: string,
): Promise<{ idList: string; idMembers: string[] }> {
  const cached = (await deps.boardCards.get(boardId)).find((card) => card.id === cardId);
  if (cached) return cached;
  const card = await deps.trello.getCard(cardId); // Trello's 404 is the API's 404
  if (card.idBoard !== boardId) throw new ApiError(403, 'wrong_board', `card ${cardId} is not on board ${boardId}, the board of this token`);
  // The single-card read does not ask for members; nobody known on it means «Беру» adds the member.
  return { idList: card.idList, idMembers: [] };
}

/** Whose turn the card is in the stage it is in now; null outside the process, in its last stage, or without a record of the arrival. */
function turnOf(
  config: ProcessConfig,
  visits: readonly StageVisit[],
  responsible: Person | null,
  idList: string,
  viewer: Viewer,
  people: (username: string) => Person,
): TurnRecord | null {
  const stage = stageWithTurn(config, visits.at(-1), idList);
  if (!stage) return null;
  return {
    stage: stage.list,
    responsible,
    holders: responsible ? [responsible] : membersOfRole(config, stage.owner).map(people),
    canTake: !responsible && isInRole(config, viewer.member.username, stage.owner),
  };
}
