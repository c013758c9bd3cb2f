/** Tests run TypeScript transpile-only (fast); `npm run typecheck` is the type gate. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 20000,
  // The short chaos run (test/e2e/chaos-short.test.ts, ~2.5 min) is part of the suite: its harness
  // has a deadline below that file's jest limit and reports where it got stuck (docs/testing.md).
  testPathIgnorePatterns: ['/node_modules/'],
};
