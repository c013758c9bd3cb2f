import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/**
 * One credential of a station (an Icecast source, a statistics panel): what a member types into
 * «Доступы» and what the vault stores, every part of it encrypted. Only `secret` is hidden from
 * those who may view the entry until they reveal it.
 */
export const VaultEntryFields = z.object({
  label: text(80).min(1, 'a label is required, e.g. «Icecast source»'),
  login: text(200).default(''),
  secret: z.string().min(1, 'the secret is required').max(4096, 'at most 4096 characters'),
  url: z
    .union([z.literal(''), z.url({ protocol: /^(https?|icecast|rtmp|rtmps|srt|ftp|sftp)$/, error: 'a URL, e.g. https://panel.example.ru' })])
    .default(''),
  note: text(1000).default(''),
});
export type VaultEntryFields = z.infer<typeof VaultEntryFields>;

/** A change to an entry: without a secret (or with an empty one) the stored secret stays. */
export const VaultEntryChange = VaultEntryFields.extend({
  secret: z.string().max(4096, 'at most 4096 characters').optional(),
});
export type VaultEntryChange = z.infer<typeof VaultEntryChange>;
