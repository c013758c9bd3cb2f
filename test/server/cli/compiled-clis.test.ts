import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

/**
 * The Docker image has no tsx (a dev dependency), so its operators run the CLIs compiled by
 * `npm run build`. This compiles them as the image does and runs them with plain node.
 */
describe('the CLIs compiled by tsconfig.build.json', () => {
  let outDir = '';

  beforeAll(async () => {
    // Inside the repo (test-results/ is ignored) so the compiled code finds node_modules as dist/ would.
    await mkdir(path.join(root, 'test-results'), { recursive: true });
    outDir = await mkdtemp(path.join(root, 'test-results', 'cli-build-'));
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  }, 180_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const runCli = async (name: string, args: string[]): Promise<{ code: number; stderr: string }> => {
    const script = path.join(outDir, 'server', 'cli', `${name}.js`);
    await stat(script);
    // An empty environment: what an operator gets before setting anything.
    return run(process.execPath, [script, ...args], { cwd: root, env: {}, timeout: 15_000 }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    );
  };

  it('register-webhook without a board id prints its usage and fails', async () => {
    const { code, stderr } = await runCli('register-webhook', []);
    expect(code).toBe(1);
    expect(stderr).toMatch(/usage: .*<boardId>/);
  });

  it('register-webhook with a board id but no environment names the missing variables', async () => {
    const { code, stderr } = await runCli('register-webhook', ['0123456789abcdef01234567']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid environment/);
    expect(stderr).toMatch(/TRELLO_KEY: missing/);
  });

  it('reconcile with no environment names the missing variables', async () => {
    const { code, stderr } = await runCli('reconcile', []);
    expect(code).toBe(1);
    expect(stderr).toMatch(/TRELLO_TOKEN: missing/);
  });
});
