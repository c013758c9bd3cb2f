/** The members a trainee can be on the sandbox board; @gatekeeper is the service's own. */
export const SANDBOX_ROLES = ['director', 'manager', 'engineer', 'accountant'] as const;
export type SandboxRole = (typeof SANDBOX_ROLES)[number];

/** How the member switcher names them. */
export const SANDBOX_ROLE_TITLES: Record<SandboxRole, string> = {
  director: 'Директор',
  manager: 'Менеджер',
  engineer: 'Инженер',
  accountant: 'Бухгалтер',
};

export function isSandboxRole(value: unknown): value is SandboxRole {
  return typeof value === 'string' && (SANDBOX_ROLES as readonly string[]).includes(value);
}
