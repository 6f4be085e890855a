import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestRawFile } from './ingest-raw-file.ts';
import {
  createSandbox,
  FIXTURE_PATH,
  failureOf,
  leftoverTempPaths,
  readFixture,
  sha256Of,
  type Sandbox,
} from './testing/ingest-sandbox.ts';

let sandbox: Sandbox;
let body: Buffer;

beforeEach(async () => {
  sandbox = await createSandbox();
  body = await readFixture();
});

afterEach(async () => {
  await sandbox.dispose();
});

async function placeInWorkspace(relativePath: string, content: Buffer | string) {
  const path = join(sandbox.root, relativePath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe('ingestRawFile from local files', () => {
  it('copies a file:// url byte for byte and records its digest', async () => {
    const url = pathToFileURL(FIXTURE_PATH).href;
    const metadata = await ingestRawFile(sandbox.options(url));

    expect(metadata).toMatchObject({ origin: 'file', url, sha256: sha256Of(body) });
    expect(metadata.bytes).toBe(body.length);
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });

  it('resolves a relative path against the workspace root, not the current directory', async () => {
    await placeInWorkspace('data/iris.data', body);
    const metadata = await ingestRawFile(
      sandbox.options('data/iris.data', { sha256: sha256Of(body) }),
    );

    expect(metadata).toMatchObject({ origin: 'file', url: join(sandbox.root, 'data/iris.data') });
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });

  it('reports a missing file with its path and leaves no output folder', async () => {
    await placeInWorkspace('output/iris/raw/raw.data', 'from an earlier run\n');
    const error = await failureOf(ingestRawFile(sandbox.options('data/missing.data')));

    expect(error.code).toBe('SOURCE_NOT_FOUND');
    expect(error.location.dataset).toBe('iris');
    expect(error.message).toContain(join(sandbox.root, 'data/missing.data'));
    await expect(access(sandbox.outputDir)).rejects.toThrow();
    expect(await leftoverTempPaths(sandbox.root)).toEqual([]);
  });

  it('reports a folder given as the url as a missing file', async () => {
    await mkdir(join(sandbox.root, 'data'), { recursive: true });
    const error = await failureOf(ingestRawFile(sandbox.options('data')));

    expect(error.code).toBe('SOURCE_NOT_FOUND');
  });

  it('checks the pinned digest of a local file too', async () => {
    await placeInWorkspace('data/iris.data', body);
    const pinned = sha256Of('an older version\n');
    const options = sandbox.options('data/iris.data', { sha256: pinned });
    const error = await failureOf(ingestRawFile(options));

    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.message).toContain(pinned);
    await expect(access(sandbox.outputDir)).rejects.toThrow();
  });

  it('rejects an empty local file', async () => {
    await placeInWorkspace('data/empty.data', '');
    const error = await failureOf(ingestRawFile(sandbox.options('data/empty.data')));

    expect(error.code).toBe('EMPTY_FILE');
    expect(error.message).toContain('empty.data');
  });

  it('accepts an upper-case pinned digest and rejects one that is not a digest', async () => {
    await placeInWorkspace('data/iris.data', body);
    const upper = sha256Of(body).toUpperCase();
    const metadata = await ingestRawFile(sandbox.options('data/iris.data', { sha256: upper }));
    const error = await failureOf(
      ingestRawFile(sandbox.options('data/iris.data', { sha256: 'abc123' })),
    );

    expect(metadata.sha256).toBe(sha256Of(body));
    expect(error).toMatchObject({ code: 'USAGE', location: { field: 'sha256' } });
  });

  it('rejects a url scheme it cannot fetch', async () => {
    const error = await failureOf(ingestRawFile(sandbox.options('ftp://example.org/iris.data')));

    expect(error).toMatchObject({ code: 'USAGE', location: { dataset: 'iris', field: 'url' } });
  });

  it('writes no store entry for a local file', async () => {
    await placeInWorkspace('data/iris.data', body);
    await ingestRawFile(sandbox.options('data/iris.data'));

    expect(await readdir(sandbox.storeDir).catch(() => [])).toEqual([]);
  });
});
