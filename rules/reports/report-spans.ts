import type { ProcessConfig } from '../config/process-config';
import type { ReportSpan } from '../config/reports-schema';
import { linearStages } from '../process/find-stage';

/** The span measured when the rules name none: the whole main path. */
export const DEFAULT_SPAN_KEY = 'onboarding';

/**
 * The spans the director's view measures: the rules' `reports.spans`, or else one span from the
 * first stage of the main path to its last. The first is the headline.
 */
export function reportSpans(config: ProcessConfig): ReportSpan[] {
  if (config.reports?.spans && config.reports.spans.length > 0) return config.reports.spans;
  const main = linearStages(config);
  return [
    {
      key: DEFAULT_SPAN_KEY,
      label: { ru: 'Подключение станции', en: 'Station onboarding' },
      from: main[0]!.list,
      to: main[main.length - 1]!.list,
    },
  ];
}
