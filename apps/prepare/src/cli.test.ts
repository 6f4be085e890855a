// The prepare CLI run as a subprocess, as Nx and the Kubeflow container run it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI_PATH = join(import.meta.dirname, 'cli.ts');
const IRIS = join(WORKSPACE_ROOT, 'vendor', 'datasets', 'iris.data');

interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as Nx and the container do: node with tsx loaded, no shell. */
function runPrepareCli(args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI_PATH, ...args],
      { cwd: WORKSPACE_ROOT, env: { ...process.env, DEBUG: '' } },
      (error, stdout, stderr) => {
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        done({ exitCode, stdout, stderr });
      },
    );
  });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prepare-cli-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the prepare CLI', () => {
  it('prepares iris from flags and exits with 0', async () => {
    const outputDir = join(root, 'iris');
    const run = await runPrepareCli([
      '--dataset',
      'iris',
      '--input',
      IRIS,
      '--output-dir',
      outputDir,
      '--dataset-type',
      'iris',
      '--target-column',
      'species',
      '--test-size',
      '0.2',
      '--seed',
      '42',
      '--stratify',
      'true',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('[prepare iris] read 150 rows');
    const schema = JSON.parse(await readFile(join(outputDir, 'schema.json'), 'utf8'));
    expect(schema.rows).toEqual({ total: 150, train: 120, test: 30 });
    expect(existsSync(join(outputDir, 'train.csv'))).toBe(true);
    expect(existsSync(join(outputDir, 'test.csv'))).toBe(true);
  });

  it('takes its options from an options file, with comma-separated columns', async () => {
    const optionsFile = join(root, 'prepare.json');
    await writeFile(
      optionsFile,
      JSON.stringify({
        dataset: 'iris',
        'dataset-type': 'csv',
        'target-column': 'species',
        header: false,
        columns: 'sl, sw, pl, pw, species',
        'test-size': 45,
        stratify: false,
      }),
    );
    const outputDir = join(root, 'iris-csv');
    const run = await runPrepareCli([
      '--options-file',
      optionsFile,
      '--input',
      IRIS,
      '--output-dir',
      outputDir,
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    const schema = JSON.parse(await readFile(join(outputDir, 'schema.json'), 'utf8'));
    expect(schema.features).toEqual(['sl', 'sw', 'pl', 'pw']);
    expect(schema.split).toEqual({ testSize: 45, seed: 42, stratify: false });
  });

  it('prints a one-paragraph error without a stack trace and exits with 1', async () => {
    const rawFile = join(root, 'bad.csv');
    await writeFile(rawFile, 'height,kind\n1.7,adult\ntall,child\n');
    const outputDir = join(root, 'bad');
    const run = await runPrepareCli([
      '--dataset',
      'people',
      '--input',
      rawFile,
      '--output-dir',
      outputDir,
      '--target-column',
      'kind',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error \[MALFORMED_ROW\] dataset 'people', .*bad\.csv:3:1, /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outputDir)).toBe(false);
  });
});
