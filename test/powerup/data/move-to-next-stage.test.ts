/// <reference path="../../../powerup/types/trello-powerup-patch.d.ts" />
import type { HostHandlers } from 'trellopowerup/lib/hosthandlers';
import { ApiError, NoAnswerError } from '../../../powerup/data/api-client';
import type { BoardSources } from '../../../powerup/data/board-sources';
import { moveToNextStage } from '../../../powerup/data/move-to-next-stage';
import { fillPlaceholders, type Message } from '../../../powerup/i18n/message';
import type { NextStageAnswer } from '../../../powerup/model/api-contract';
import ru from '../../../powerup/strings/ru.json';

const t = {} as HostHandlers;
const localize = {
  text: (key: string, data: Message['data'] = {}) =>
    fillPlaceholders((ru as Record<string, string>)[key] ?? key, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]))),
  message: () => '',
};
const roleFailure = { code: 'role_not_allowed' as const, stage: 'Подключение', ru: 'переместить в «Подключение» может только директор (@director)', en: '', facts: {} };

function sourcesAnswering(answer: NextStageAnswer | Error): BoardSources & { forgotten: number } {
  const sources = {
    forgotten: 0,
    api: () => ({
      rules: async () => Promise.reject(new Error('unused')),
      boardStatus: async () => Promise.reject(new Error('unused')),
      nextStage: async () => (answer instanceof Error ? Promise.reject(answer) : answer),
      summary: async () => Promise.reject(new Error('unused')),
      decisions: async () => Promise.reject(new Error('unused')),
      cardHistory: async () => Promise.reject(new Error('unused')),
      take: async () => Promise.reject(new Error('unused')),
      exportFile: async () => Promise.reject(new Error('unused')),
      vault: async () => Promise.reject(new Error('unused')),
      addVaultEntry: async () => Promise.reject(new Error('unused')),
      updateVaultEntry: async () => Promise.reject(new Error('unused')),
      deleteVaultEntry: async () => Promise.reject(new Error('unused')),
      revealVaultEntry: async () => Promise.reject(new Error('unused')),
      vaultAccess: async () => Promise.reject(new Error('unused')),
      vaultBoardAccess: async () => Promise.reject(new Error('unused')),
      shareVault: async () => Promise.reject(new Error('unused')),
    }),
    token: async () => Promise.reject(new Error('unused')),
    config: async () => Promise.reject(new Error('unused')),
    cardStatus: async () => undefined,
    movers: async () => ({}),
    forgetStatus: () => void (sources.forgotten += 1),
  };
  return sources;
}

describe('what the Power-Up makes of the server’s answer to «Следующий этап»', () => {
  it.each<[string, NextStageAnswer | Error, unknown]>([
    ['a move', { moved: true, from: 'Договор и оплата', to: 'Подключение' }, { kind: 'moved', to: 'Подключение', alert: 'Карточка перемещена в «Подключение»' }],
    ['a refusal with reasons', { moved: false, to: 'Подключение', failures: [roleFailure], error: 'gate_closed' }, { kind: 'refused', to: 'Подключение', failures: [roleFailure] }],
    ['no next stage', { moved: false, to: null, failures: [], error: 'no_next_stage', message: 'из «Активный клиент» нет следующего этапа' }, { kind: 'not-moved', alert: 'из «Активный клиент» нет следующего этапа' }],
    ['a dry run', { moved: false, dryRun: true, from: 'Новая заявка', to: 'Сбор данных' }, { kind: 'not-moved', alert: 'Пробный режим сервиса: карточка перешла бы в «Сбор данных», но осталась на месте' }],
    ['the server’s refusal in its own words', new ApiError(503, '[api] POST cards/c1/next-stage answered 503', { error: 'queue_unavailable', message: 'the event queue cannot take the move now; retry later' }), { kind: 'not-moved', alert: 'Не удалось переместить карточку: the event queue cannot take the move now; retry later' }],
    ['a server failure without words', new ApiError(502, '[api] POST cards/c1/next-stage answered 502: Bad Gateway', undefined), { kind: 'not-moved', alert: 'Не удалось переместить карточку: сервер Gatekeeper ответил 502; попробуйте ещё раз позже' }],
    ['no connection', new TypeError('Failed to fetch'), { kind: 'not-moved', alert: 'Не удалось переместить карточку: нет связи с сервером Gatekeeper; проверьте интернет и попробуйте ещё раз' }],
    ['no answer in time', new NoAnswerError('[api] POST cards/c1/next-stage: no answer within 60 s'), { kind: 'not-moved', alert: 'Не удалось переместить карточку: нет связи с сервером Gatekeeper; проверьте интернет и попробуйте ещё раз' }],
  ])('turns %s into what the member is shown', async (_what, answer, outcome) => {
    await expect(moveToNextStage(t, sourcesAnswering(answer), localize, 'c1')).resolves.toEqual(outcome);
  });

  it('forgets the board status once the server has answered, since a card may have moved', async () => {
    const sources = sourcesAnswering({ moved: true, from: 'a', to: 'b' });
    await moveToNextStage(t, sources, localize, 'c1');
    expect(sources.forgotten).toBe(1);
  });
});
