import type { Logger } from 'pino';
import type { ProcessConfig } from '../../rules';
import { readRulesSource } from '../config/read-rules-file';
import { configOfVersion, type ActiveRules } from './live-rules';
import { rulesTextHash, type RulesVersions } from './rules-versions';

/**
 * The rules in force at start. The first start on an empty Redis makes RULES_FILE version 1. After
 * that the saved versions are the record and the file is only compared: when they differ, the
 * active version stays and the log names both and how to make the file win (`rules import`).
 * Neither is ever overwritten by the other without someone saying so.
 */
export async function seedRules(opts: {
  versions: RulesVersions;
  file: string;
  /** The file as read and checked at start (readRulesSource); read here when not given. */
  source?: { text: string; config: ProcessConfig };
  log: Logger;
}): Promise<ActiveRules> {
  const { versions, file, log } = opts;
  // The file is checked even when a version is active: a broken file in the deployment is a mistake to hear of now.
  const { text, config: fileConfig } = opts.source ?? readRulesSource(file);
  const hash = rulesTextHash(text);
  let active = await versions.active();
  if (!active) {
    const result = await versions.save({ text, author: null, comment: `RULES_FILE ${file}`, source: 'file', base: null });
    if ('saved' in result) {
      log.info({ rulesVersion: result.saved.version, rulesFile: file, hash: short(hash) }, 'rules version 1 seeded from RULES_FILE');
      return { version: result.saved.version, config: fileConfig, hash };
    }
    // Another process seeded it first.
    active = await versions.active();
    if (!active) throw new Error('[rules] no active rules version after seeding one');
  }
  if (active.hash === hash) {
    log.info({ rulesVersion: active.version, rulesFile: file, hash: short(hash) }, 'rules: the active version matches RULES_FILE');
  } else {
    log.warn(
      { rulesVersion: active.version, activeHash: short(active.hash), savedBy: active.author?.username ?? 'file', savedAt: active.at, rulesFile: file, fileHash: short(hash) },
      `rules: RULES_FILE differs from the active version ${active.version}, which stays in force; ` +
        '"npm run rules -- import FILE" makes the file a new version, "npm run rules -- export FILE" writes the active one out',
    );
  }
  return { version: active.version, config: configOfVersion(active), hash: active.hash };
}

const short = (hash: string) => hash.slice(0, 12);
