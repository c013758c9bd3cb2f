import type { ProcessConfig } from '../config/process-config';
import { findStage, stagesUpTo } from '../process/find-stage';
import { gateDataFailures } from './gate-data';
import type { CardSnapshot, Failure } from './types';

/**
 * What a card still lacks to enter a stage: the data conditions of its gate and of every earlier
 * stage's, without roles or sources (who drags it is not known yet). For the Power-Up's readiness
 * badge («К подключению: нет подписи договора»). [] for a list outside the process.
 */
export function missingForStage(config: ProcessConfig, stageList: string, card: CardSnapshot): Failure[] {
  const stage = findStage(config, stageList);
  return stage ? gateDataFailures(config, stagesUpTo(config, stage), card) : [];
}
