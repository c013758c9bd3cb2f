/** What the vault's access log records: every look at a secret, every change, every hand-over, and the erasing of a deleted card's vault. */
export const VAULT_ACTIONS = ['reveal', 'copy', 'create', 'update', 'delete', 'share', 'link-opened', 'card-deleted'] as const;
export type VaultAction = (typeof VAULT_ACTIONS)[number];
