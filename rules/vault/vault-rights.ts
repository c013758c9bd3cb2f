import type { ProcessConfig } from '../config/process-config';
import { adminRoles } from '../process/admin-roles';
import { isInRole } from '../process/roles';

export const VAULT_RIGHTS = ['view', 'edit', 'share', 'audit'] as const;
export type VaultRight = (typeof VAULT_RIGHTS)[number];
export type VaultRights = Record<VaultRight, boolean>;

/** The roles holding a right; the access log is the admins' when the rules name no `audit` roles. */
export function vaultRoles(config: ProcessConfig, right: VaultRight): string[] {
  const vault = config.vault;
  if (!vault) return [];
  return right === 'audit' ? (vault.audit ?? adminRoles(config)) : vault[right];
}

/** What a member may do with a card's credentials; nothing at all when the rules keep no vault. */
export function vaultRights(config: ProcessConfig, username: string): VaultRights {
  const holds = (right: VaultRight) => vaultRoles(config, right).some((role) => isInRole(config, username, role));
  return { view: holds('view'), edit: holds('edit'), share: holds('share'), audit: holds('audit') };
}
