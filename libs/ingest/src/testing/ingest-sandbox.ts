// A fresh workspace folder per test, a logger that records its lines, and the checks that a
// failed ingest left nothing behind.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMP_MARKER } from '@pipeline/atomic-fs';
import type { Logger } from '@pipeline/cli';
import { isPipelineError, type PipelineError } from '@pipeline/errors';
import type { IngestOptions } from '../ingest-raw-file.ts';

export const FIXTURE_PATH = join(import.meta.dirname, '..', 'fixtures', 'iris-head.data');

export interface Sandbox {
  root: string;
  outputDir: string;
  storeDir: string;
  lines: string[];
  /** Options that keep every network wait short; tests override what they exercise. */
  options(url: string, extra?: Partial<IngestOptions>): IngestOptions;
  dispose(): Promise<void>;
}

export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readFixture(): Promise<Buffer> {
  return readFile(FIXTURE_PATH);
}

export async function createSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'ingest-test-'));
  const lines: string[] = [];
  const log: Logger = {
    info: (message) => lines.push(message),
    warn: (message) => lines.push(`warning: ${message}`),
  };
  const outputDir = join(root, 'output', 'iris', 'raw');
  const storeDir = join(root, '.cache', 'downloads');
  return {
    root,
    outputDir,
    storeDir,
    lines,
    options: (url, extra = {}) => ({
      dataset: 'iris',
      url,
      outputDir,
      workspaceRoot: root,
      log,
      ...extra,
      http: { connectTimeoutMs: 2000, readTimeoutMs: 2000, retryBaseDelayMs: 5, ...extra.http },
    }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every file or folder under `dir` whose name marks it as unfinished. */
export async function leftoverTempPaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((entry) => entry.includes(TEMP_MARKER));
}

export async function failureOf(run: Promise<unknown>): Promise<PipelineError> {
  try {
    await run;
  } catch (error) {
    if (isPipelineError(error)) return error;
    throw error;
  }
  throw new Error('expected the ingest to fail, but it succeeded');
}
