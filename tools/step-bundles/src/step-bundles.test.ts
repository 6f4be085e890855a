// The bundles Nx runs are the step CLIs themselves: same options, same behaviour.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '@pipeline/test-support';

const run = promisify(execFile);
const STEPS = ['step-config', 'ingest', 'prepare', 'train'];

function start(args: string[]) {
  return run(process.execPath, args, { cwd: WORKSPACE_ROOT });
}

beforeAll(async () => {
  await start([join('tools', 'step-bundles', 'bundle-steps.mjs')]);
}, 60_000);

describe('the step bundles', () => {
  it.each(STEPS)('%s prints the same usage as its TypeScript source', async (step) => {
    const bundled = await start([join('dist', 'steps', `${step}.mjs`), '--help']);
    const source = await start(['--import', 'tsx', join('apps', step, 'src', 'cli.ts'), '--help']);
    expect(bundled.stdout).toContain('usage:');
    expect(bundled.stdout).toBe(source.stdout);
  });

  it('reports a bad input as the source does, without a stack trace', async () => {
    const args = ['--registry', 'no-such-registry.yaml', '--dataset', 'iris', '--output-dir', 'x'];
    const failure = await start([join('dist', 'steps', 'step-config.mjs'), ...args]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/^error \[REGISTRY_NOT_FOUND\]/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
