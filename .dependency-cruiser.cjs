/**
 * The layering check `npm test` runs: no import cycles anywhere, rules/ stays pure logic,
 * the Power-Up (a browser bundle) never reaches into the server, server/stage/ (shared by the
 * worker, the Power-Up API and the sweep) imports none of them and the Power-Up API not the worker.
 *
 * Type-only imports count (tsPreCompilationDeps): they vanish at run time, but a cycle made
 * of them still ties two modules together, so neither can be read, tested or moved alone.
 * The cycles this check was written to keep out were partly type-only.
 */

// Modules that do I/O: Node's own and the libraries that talk to Redis, HTTP, mail, logs.
const IO_CORE = ['fs', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'readline', 'os', 'timers', 'inspector'];
const IO_PACKAGES = ['ioredis', 'bullmq', 'axios', 'express', 'helmet', 'nodemailer', 'pino', 'pino-http', 'prom-client', '@bull-board', 'supertest', 'playwright-core'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: take what both sides need into a module of its own that both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'rules-stay-pure',
      severity: 'error',
      comment: 'rules/ is pure logic: no I/O, nothing from server/ or powerup/.',
      from: { path: '^rules/' },
      to: { path: '^(server|powerup)/' },
    },
    {
      name: 'rules-no-io-core',
      severity: 'error',
      comment: 'rules/ is pure logic: Node I/O modules belong in server/.',
      from: { path: '^rules/' },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_CORE.join('|')})(/|$)` },
    },
    {
      name: 'rules-no-io-packages',
      severity: 'error',
      comment: 'rules/ is pure logic: libraries that do I/O belong in server/.',
      from: { path: '^rules/' },
      to: { path: `(^|/)node_modules/(${IO_PACKAGES.join('|')})(/|$)` },
    },
    {
      name: 'powerup-not-server',
      severity: 'error',
      comment: 'The Power-Up runs in the browser and talks to the server over HTTP only; it may import rules/.',
      from: { path: '^powerup/' },
      to: { path: '^server/' },
    },
    {
      name: 'stage-below-its-callers',
      severity: 'error',
      comment:
        'server/stage/ (entering a stage, the audit entry, the card snapshot, the marks of changes in progress) is shared by the worker, the Power-Up API and the sweep: it may not import any of them, nor the HTTP app.',
      from: { path: '^server/stage/' },
      to: { path: '^server/(worker|powerup-api|http|reconcile)/' },
    },
    {
      name: 'powerup-api-not-worker',
      severity: 'error',
      comment: 'The Power-Up API runs in the web role, the worker in the judging role: what both need lives in server/stage/.',
      from: { path: '^server/powerup-api/' },
      to: { path: '^server/worker/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing would hide a dependency from the rules above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' }, // not node_modules: excluding it would hide the imports of I/O libraries
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
  },
};
