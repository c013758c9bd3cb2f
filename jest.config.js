/** Tests run TypeScript transpile-only (fast); `npm run typecheck` is the type gate. */
module.exports = {
  // Node's, plus what a browser test's page showed when it failed (test/helpers/explaining-environment.ts).
  testEnvironment: '<rootDir>/test/helpers/explaining-environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 20000,
  // The short chaos run is its own command (`npm run test:chaos`, 1–4 min, more than the rest of the
  // suite can spare on 2 cores): a long run with faults on timers, run before a release and after
  // changes to the worker, as the chaos run is (docs/testing.md).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/chaos-short\\.test\\.ts$'],
};
