import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import { findStage, membersOfRole, type ProcessConfig } from '../../rules';
import type { Notifier } from '../notify/notice';
import { AccessLink, accessLinkKey } from '../vault/access-links';
import { vaultCardKey, vaultEntryField } from '../vault/vault-store';
import { stageDeadlines } from './stage-deadlines';

/** The deadlines queue's job for a credentials link sent to a client: is it opened in time? */
export const LINK_REMINDER_JOB = 'link-unopened';

/** Names the link by its token's hash only: the job, like the link's record, opens nothing. */
export const LinkReminderJob = z.object({
  boardId: z.string(),
  cardId: z.string(),
  cardName: z.string(),
  cardUrl: z.string().optional(),
  /** The stage the card was in when the link went out: its owners hear. */
  stage: z.string(),
  linkHash: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
  recipient: z.string(),
  dueAt: z.string(),
});
export type LinkReminderJob = z.infer<typeof LinkReminderJob>;

// The owners hear while there is still time to resend: an hour before the link expires at the latest.
const BEFORE_EXPIRY_MS = 3600_000;

/** When to remind: the stage's limit counted from the sending, or just before the link expires, whichever is first. */
export function linkReminderDue(config: ProcessConfig, stage: string, sentAt: Date, expiresAt: Date): Date {
  const lastChance = new Date(Math.max(sentAt.getTime(), expiresAt.getTime() - BEFORE_EXPIRY_MS));
  const deadline = stageDeadlines(config, stage, sentAt, 0)?.deadline;
  return deadline && deadline < lastChance ? deadline : lastChance;
}

export const linkReminderJobId = (linkHash: string) => `${LINK_REMINDER_JOB}-${linkHash}`;

/**
 * Fires a link reminder: if the link is still there (neither opened — opening deletes it — nor
 * expired) and still leads to an entry (not all deleted since, the card with them perhaps), the
 * owners of the stage it was sent from are told to check it arrived.
 */
export async function fireLinkReminder(
  job: LinkReminderJob,
  deps: { redis: Redis; prefix: string; config: ProcessConfig; notifier: Notifier; dryRun: boolean; log: Logger },
): Promise<'reminded' | 'opened-or-expired' | 'entries-gone'> {
  const stored = await deps.redis.get(accessLinkKey(deps.prefix, job.linkHash));
  if (stored === null) return 'opened-or-expired';
  const { entryIds } = AccessLink.parse(JSON.parse(stored));
  const held = await Promise.all(entryIds.map((id) => deps.redis.hexists(vaultCardKey(deps.prefix, job.cardId), vaultEntryField(id))));
  if (!held.includes(1)) return 'entries-gone';
  const owner = findStage(deps.config, job.stage)?.owner;
  const recipients = owner ? membersOfRole(deps.config, owner) : [];
  deps.log.info({ cardId: job.cardId, stage: job.stage, recipients }, 'credentials link still unopened: reminding the stage owners');
  if (deps.dryRun) return 'reminded';
  await deps.notifier.send({
    kind: 'link-unopened',
    actionId: linkReminderJobId(job.linkHash),
    boardId: job.boardId,
    cardId: job.cardId,
    cardName: job.cardName,
    ...(job.cardUrl ? { cardUrl: job.cardUrl } : {}),
    stage: job.stage,
    sentAt: job.sentAt,
    expiresAt: job.expiresAt,
    recipient: job.recipient,
    recipients,
  });
  return 'reminded';
}
