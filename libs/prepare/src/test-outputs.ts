// Test support: runs prepare quietly into temporary folders and reads back what it wrote.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@pipeline/cli';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import type { PreparedSchema } from './schema-file.ts';

export const VENDOR = join(WORKSPACE_ROOT, 'vendor', 'datasets');
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), warn: (message) => lines.push(message) };
}

export interface TempFolder {
  path: string;
  remove(): Promise<void>;
}

export async function tempFolder(): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), 'prepare-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface PreparedFiles {
  header: string;
  train: string[];
  test: string[];
  schema: PreparedSchema;
}

async function dataLines(path: string): Promise<{ header: string; rows: string[] }> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { header: lines[0] ?? '', rows: lines.slice(1) };
}

export async function readPrepared(outputDir: string): Promise<PreparedFiles> {
  const train = await dataLines(join(outputDir, 'train.csv'));
  const test = await dataLines(join(outputDir, 'test.csv'));
  const schema = JSON.parse(await readFile(join(outputDir, 'schema.json'), 'utf8'));
  return { header: train.header, train: train.rows, test: test.rows, schema };
}
