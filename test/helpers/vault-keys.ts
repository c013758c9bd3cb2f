// A published master key for tests, the demo and the sandbox: whatever it encrypts is public.
// A deployment makes its own with `openssl rand -base64 32` (docs/vault.md).
export const TEST_VAULT_KEYS = 'demo-key:ZGVtby1vbmx5LWtleS1ub3QtYS1zZWNyZXQtMzJieXQ=';
