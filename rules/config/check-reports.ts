import { findStage, linearStages } from '../process/find-stage';
import { sameName } from '../process/same-name';
import { knownRoles, knownStage } from './check-names';
import { everyStageRead } from './doubts';
import type { ProcessConfig } from './process-config';
import { duplicates } from './reference-helpers';
import type { ReportSpan } from './reports-schema';
import type { RulesProblem } from './rules-error';

/**
 * The `reports:` section beyond its shape: viewers are roles, span keys are unique (exports and
 * links name spans by key), and a span runs forward along the main path, where every card goes.
 */
export function checkReports(config: ProcessConfig): RulesProblem[] {
  const { viewers = [], spans = [] } = config.reports ?? {};
  return [
    ...knownRoles(config, viewers, 'reports.viewers'),
    ...duplicates(viewers.map((name, i) => ({ name, path: `reports.viewers[${i}]` })), 'viewer role'),
    ...duplicates(spans.map((span, i) => ({ name: span.key, path: `reports.spans[${i}].key` })), 'span key'),
    ...spans.flatMap((span, i) => checkSpan(config, span, `reports.spans[${i}]`)),
  ];
}

function checkSpan(config: ProcessConfig, span: ReportSpan, path: string): RulesProblem[] {
  const ends = [
    ...onMainPath(config, span.from, `${path}.from`),
    ...onMainPath(config, span.to, `${path}.to`),
  ];
  // With a stage left unread, the order of the main path is not known.
  if (ends.length > 0 || !everyStageRead(config)) return ends;
  const order = linearStages(config).map((stage) => stage.list);
  const [from, to] = [order.findIndex((l) => sameName(l, span.from)), order.findIndex((l) => sameName(l, span.to))];
  if (from < to) return [];
  const message = `a span runs forward: "${span.from}" (stage ${from + 1} of the main path) must come before "${span.to}" (stage ${to + 1})`;
  return [{ path: `${path}.to`, message }];
}

function onMainPath(config: ProcessConfig, list: string, path: string): RulesProblem[] {
  const unknown = knownStage(config, list, path);
  if (unknown.length > 0) return unknown;
  if (!findStage(config, list)) return []; // a stage that could not be read: its problem is reported already
  if (linearStages(config).some((stage) => sameName(stage.list, list))) return [];
  return [{ path, message: `"${list}" is a side stage; a span runs between stages of the main path, which every card goes through` }];
}
