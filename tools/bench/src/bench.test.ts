// The benchmark at a tiny size, end to end: real Nx targets, the Python reference, the JSON.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import type { BenchFigures } from './bench-figures.ts';

const run = promisify(execFile);
const scratch = await mkdtemp(join(tmpdir(), 'bench-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('times every step of a tiny generated file beside the Python reference', async () => {
    const outFile = join(scratch, 'figures.json');
    const args = ['--import', 'tsx', 'tools/bench/src/cli.ts', '--sizes', '1k', '--iris-runs',
      '0', '--data-dir', join(scratch, 'data'), '--out', outFile];
    const { stdout } = await run(process.execPath, args, { cwd: WORKSPACE_ROOT });
    const figures = JSON.parse(await readFile(outFile, 'utf8')) as BenchFigures;

    const [size] = figures.sizes;
    expect(size).toMatchObject({ name: '1k', dataset: 'bench-1k', rows: 1000 });
    expect(size!.steps.map((step) => step.step)).toEqual(['config', 'ingest', 'prepare', 'train']);
    for (const step of size!.steps) {
      expect(step.seconds).toBeGreaterThan(0);
      expect(step.peakMiB).toBeGreaterThan(10);
    }
    expect(size!.nxSeconds).toBeGreaterThan(size!.pipelineSeconds);
    expect(size!.python!.accuracy).toBeGreaterThan(0.5);
    expect(size!.ratios!.time).toBeCloseTo(size!.pipelineSeconds / size!.python!.seconds, 6);
    expect(stdout).toContain('ours / python: time ×');
  }, 60_000);
});
