import type { Router } from 'express';
import { isInRole, personWithLogin, type Person, type ProcessConfig, type Stage, type TakeAnswer } from '../../rules';
import { ApiError } from '../powerup-api/api-errors';
import { apiRouter } from '../powerup-api/api-router';
import type { Take } from '../store/responsibles';
import { cardOnBoard } from './card-history-route';
import type { ReportDeps } from './report-deps';
import { viewerOf, type Viewer } from './report-viewer';
import { stageWithTurn } from './stage-turn';

/**
 * `POST /api/cards/:cardId/take` («Беру»): a member of the stage owner's role takes the card in its
 * current stage. The first take of the visit wins (200, and again 200 for the same member); anyone
 * else then gets 409 naming who took it. The taker is put on the card in Trello, and the stage's
 * deadline reminders go to them rather than to the whole role.
 */
export function takeRoute(deps: ReportDeps): Router {
  const router = apiRouter();
  router.post('/cards/:cardId/take', async (req, res) => {
    const { cardId } = req.params;
    const viewer = await viewerOf(res, deps);
    const card = await cardOnBoard(deps, cardId, viewer.boardId);
    const { stage, enteredAt } = await currentStage(deps, cardId, card.idList);
    if (!isInRole(deps.config, viewer.member.username, stage.owner)) {
      throw new ApiError(403, 'not_stage_owner', `«${stage.list}» is the stage of the ${stage.owner} role; @${viewer.member.username} is not in it, so cannot take the card here`);
    }
    const take: Take = {
      stage: stage.list,
      visit: enteredAt,
      username: viewer.member.username,
      fullName: viewer.member.fullName,
      memberId: viewer.member.id,
      at: new Date(deps.now()).toISOString(),
    };
    const result = await deps.responsibles.take(cardId, take);
    const responsible: Person = { username: result.take.username, fullName: result.take.fullName };
    if (!result.taken) {
      const answer: TakeAnswer = { taken: false, stage: stage.list, responsible, message: takenBy(deps.config, stage, responsible) };
      return void res.status(409).json(answer);
    }
    await joinCard(deps, cardId, card.idMembers, viewer);
    const answer: TakeAnswer = { taken: true, stage: stage.list, responsible };
    res.json(answer);
  });
  return router;
}

/** The stage of the visit the card is in now, as the service recorded it in this very list. */
async function currentStage(deps: ReportDeps, cardId: string, idList: string): Promise<{ stage: Stage; enteredAt: string }> {
  const visit = await deps.history.current(cardId);
  const stage = stageWithTurn(deps.config, visit, idList);
  if (!visit || !stage) {
    throw new ApiError(409, 'not_in_stage', `card ${cardId} is not waiting in a stage of the process (or the service did not see it arrive there); there is nothing to take`);
  }
  return { stage, enteredAt: visit.enteredAt };
}

/** Puts the taker on the card in Trello, unless they are on it already or this is a dry run. */
async function joinCard(deps: ReportDeps, cardId: string, idMembers: readonly string[], viewer: Viewer): Promise<void> {
  if (idMembers.includes(viewer.member.id)) return;
  if (deps.dryRun) {
    deps.log.info({ cardId, member: viewer.member.username }, 'dry run: taker not added to the card');
    return;
  }
  // The take is already recorded: if Trello fails here the member clicks again, gets 200, and this retries.
  await deps.trello.addCardMember(cardId, viewer.member.id);
  deps.boardChanged(viewer.boardId);
}

function takenBy(config: ProcessConfig, stage: Stage, person: Person): string {
  const who = personWithLogin(person);
  return config.language === 'en'
    ? `This card already has a responsible in «${stage.list}»: ${who}.`
    : `У карточки на этапе «${stage.list}» уже есть ответственный: ${who}.`;
}
