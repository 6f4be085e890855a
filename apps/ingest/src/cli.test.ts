import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const WORKSPACE_ROOT = resolve(import.meta.dirname, '../../..');
const CLI_PATH = join(import.meta.dirname, 'cli.ts');
const FIXTURE_PATH = join(WORKSPACE_ROOT, 'libs/ingest/src/fixtures/iris-head.data');

interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way Nx and the container do: plain node with tsx loaded, no shell. */
function runIngestCli(args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    const env = { ...process.env, DEBUG: '' };
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI_PATH, ...args],
      { cwd: WORKSPACE_ROOT, env },
      (error, stdout, stderr) => {
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        done({ exitCode, stdout, stderr });
      },
    );
  });
}

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the ingest CLI', () => {
  it('prints a one-paragraph error without a stack trace and exits with 1', async () => {
    const outputDir = join(root, 'output', 'iris', 'raw');
    const run = await runIngestCli([
      '--dataset',
      'iris',
      '--url',
      'data/missing.data',
      '--workspace-root',
      root,
      '--output-dir',
      outputDir,
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error \[SOURCE_NOT_FOUND\] dataset 'iris': /);
    expect(run.stderr).toContain(join(root, 'data/missing.data'));
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(access(outputDir)).rejects.toThrow();
  });

  it('serves a pinned file from the vendored folder with plain log lines', async () => {
    const body = await readFile(FIXTURE_PATH);
    const sha256 = createHash('sha256').update(body).digest('hex');
    await mkdir(join(root, 'vendored'));
    await writeFile(join(root, 'vendored', 'iris.data'), body);
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('not the vendored file\n');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/iris.data`;
    const run = await runIngestCli([
      '--dataset',
      'iris',
      '--url',
      url,
      '--sha256',
      sha256,
      '--workspace-root',
      root,
      '--vendor-dir',
      'vendored',
      '--output-dir',
      'out',
      '--retries',
      '0',
    ]);
    await new Promise((closed) => server.close(closed));

    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `[ingest iris] source ${url}`,
      expect.stringMatching(new RegExp(`^\\[ingest iris\\] ${body.length} bytes from vendor in`)),
    ]);
    const metadata = JSON.parse(await readFile(join(root, 'out', 'raw.json'), 'utf8'));
    expect(metadata).toMatchObject({ origin: 'vendor', sha256, bytes: body.length });
    expect(requests).toBe(0);
  });

  it('rejects a flag value that is not a number as a usage error', async () => {
    const run = await runIngestCli([
      '--dataset',
      'iris',
      '--url',
      'data/iris.data',
      '--output-dir',
      join(root, 'out'),
      '--retries',
      'many',
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error \[USAGE\] field 'retries': --retries must be a number/);
  });
});
