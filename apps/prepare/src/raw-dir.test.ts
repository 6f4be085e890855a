// --raw-dir: prepare reads raw.data from ingest's output folder, as a Kubeflow artifact hands it
// on, and refuses to be given the raw file twice.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI_PATH = join(import.meta.dirname, 'cli.ts');
const IRIS = join(WORKSPACE_ROOT, 'vendor', 'datasets', 'iris.data');
const SETTINGS = ['--dataset', 'iris', '--dataset-type', 'iris', '--target-column', 'species'];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prepare-raw-dir-'));
  await cp(IRIS, join(root, 'raw', 'raw.data'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function prepare(args: string[]) {
  const env = { ...process.env, DEBUG: '' };
  return run(process.execPath, ['--import', 'tsx', CLI_PATH, ...SETTINGS, ...args], { env });
}

describe('the prepare CLI given --raw-dir', () => {
  it('splits the raw.data of that folder exactly as the file given by --input', async () => {
    await prepare(['--raw-dir', join(root, 'raw'), '--output-dir', join(root, 'from-folder')]);
    await prepare(['--input', IRIS, '--output-dir', join(root, 'from-file')]);
    for (const file of ['train.csv', 'test.csv', 'schema.json']) {
      const fromFolder = await readFile(join(root, 'from-folder', file));
      expect(fromFolder.equals(await readFile(join(root, 'from-file', file))), file).toBe(true);
    }
  });

  it('refuses --input and --raw-dir together as a usage error', async () => {
    const args = ['--input', IRIS, '--raw-dir', join(root, 'raw'), '--output-dir', join(root, 'x')];
    const failed: { code?: number; stderr?: string } = await prepare(args).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error \[USAGE\] .*either --input or --raw-dir, not both/);
  });
});
