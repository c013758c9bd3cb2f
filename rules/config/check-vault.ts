import { findChecklist } from '../process/lookups';
import { sameName } from '../process/same-name';
import { knownChecklist, knownRoles } from './check-names';
import type { ProcessConfig } from './process-config';
import { duplicates } from './reference-helpers';
import type { RulesProblem } from './rules-error';
import { didYouMean } from './did-you-mean';

/** The `vault:` section beyond its shape: its roles exist, and the item sending ticks is on its checklist. */
export function checkVault(config: ProcessConfig): RulesProblem[] {
  if (!config.vault) return [];
  const { link, ...rights } = config.vault;
  return [
    ...Object.entries(rights).flatMap(([right, roles = []]) => [
      ...knownRoles(config, roles, `vault.${right}`),
      ...duplicates(roles.map((name, i) => ({ name, path: `vault.${right}[${i}]` })), `${right} role`),
    ]),
    ...checkLinkItem(config, link.checklist, link.item),
  ];
}

function checkLinkItem(config: ProcessConfig, checklist: string | undefined, item: string | undefined): RulesProblem[] {
  if (checklist === undefined && item === undefined) return [];
  if (checklist === undefined) return [{ path: 'vault.link.checklist', message: `"item" needs the checklist it is on, e.g. checklist: ${config.checklists[0]?.name ?? 'Запуск'}` }];
  if (item === undefined) return [{ path: 'vault.link.item', message: `"checklist" needs the item that sending ticks` }];
  const unknown = knownChecklist(config, checklist, 'vault.link.checklist');
  if (unknown.length > 0) return unknown;
  const items = findChecklist(config, checklist)?.items;
  if (!items) return []; // a checklist that could not be read: its problem is reported already
  if (items.some((name) => sameName(name, item))) return [];
  return [{ path: 'vault.link.item', message: `checklist "${checklist}" has no item "${item}"${didYouMean(item, items)}` }];
}
