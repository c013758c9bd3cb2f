import { calendarOf, linearStages, type OnboardingRow, type ProcessConfig } from '../../rules';
import { csvDate, type Cell } from './csv';

const TITLES = {
  ru: { name: 'Станция', started: 'Начало', completed: 'Завершение', month: 'Месяц', lead: 'Всего, рабочих дней', stage: (s: string) => `${s}, рабочих дней` },
  en: { name: 'Station', started: 'Started', completed: 'Completed', month: 'Month', lead: 'Total, working days', stage: (s: string) => `${s}, working days` },
} as const;

/**
 * onboardings.csv: one row per completed onboarding, oldest first: when it started and finished,
 * its working days in all and in each stage of the main path before the last.
 */
export function onboardingsTable(config: ProcessConfig, rows: readonly OnboardingRow[]): { header: string[]; rows: Cell[][] } {
  const titles = TITLES[config.language];
  const { timeZone } = calendarOf(config);
  const stages = linearStages(config).slice(0, -1).map((stage) => stage.list);
  return {
    header: [titles.name, titles.started, titles.completed, titles.month, titles.lead, ...stages.map(titles.stage)],
    rows: rows.map((row) => [
      row.name,
      csvDate(row.startedAt, timeZone),
      csvDate(row.completedAt, timeZone),
      row.month,
      row.leadDays,
      ...stages.map((stage) => row.perStage.find((s) => s.stage === stage)?.days ?? 0),
    ]),
  };
}
