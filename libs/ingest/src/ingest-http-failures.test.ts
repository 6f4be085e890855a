import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode, PipelineError } from '@pipeline/errors';
import type { IngestOptions } from './ingest-raw-file.ts';
import { ingestRawFile } from './ingest-raw-file.ts';
import {
  closedPort,
  redirectTo,
  sendBody,
  startFakeSource,
  type FakeSource,
} from './testing/fake-source-server.ts';
import {
  createSandbox,
  failureOf,
  leftoverTempPaths,
  readFixture,
  sha256Of,
  type Sandbox,
} from './testing/ingest-sandbox.ts';

let sandbox: Sandbox;
let source: FakeSource | undefined;
let body: Buffer;

beforeEach(async () => {
  sandbox = await createSandbox();
  body = await readFixture();
});

afterEach(async () => {
  await source?.close();
  source = undefined;
  await sandbox.dispose();
});

/** Runs a failing ingest and checks what every failure owes the user and the file system. */
async function expectCleanFailure(options: IngestOptions, code: ErrorCode): Promise<PipelineError> {
  await mkdir(sandbox.outputDir, { recursive: true });
  await writeFile(join(sandbox.outputDir, 'raw.data'), 'from an earlier run\n');
  const error = await failureOf(ingestRawFile(options));

  expect(error.code).toBe(code);
  expect(error.location.dataset).toBe('iris');
  expect(error.message).toContain(options.url);
  expect(error.hint).toBeTruthy();
  await expect(access(sandbox.outputDir)).rejects.toThrow();
  expect(await readdir(join(sandbox.outputDir, '..'))).toEqual([]);
  expect(await leftoverTempPaths(sandbox.root)).toEqual([]);
  return error;
}

describe('ingestRawFile over HTTP, when the download fails', () => {
  it('reports a 404 with its status after a single request', async () => {
    source = await startFakeSource({});
    const error = await expectCleanFailure(
      sandbox.options(source.url('/missing.data')),
      'SOURCE_HTTP_STATUS',
    );

    expect(error.message).toContain('HTTP 404');
    expect(source.requests).toHaveLength(1);
  });

  it('gives up on a server that always answers 500 after the configured retries', async () => {
    source = await startFakeSource({
      '/iris.data': (_request, response) => response.writeHead(500).end(),
    });
    const options = sandbox.options(source.url('/iris.data'), { http: { retries: 2 } });
    const error = await expectCleanFailure(options, 'SOURCE_HTTP_STATUS');

    expect(source.requests).toHaveLength(3);
    expect(error.message).toMatch(/HTTP 500.*after 3 tries/);
  });

  it('reports a refused connection as unreachable, naming the cause and the tries', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/iris.data`;
    const error = await expectCleanFailure(
      sandbox.options(url, { http: { retries: 1 } }),
      'SOURCE_UNREACHABLE',
    );

    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('after 2 tries');
  });

  it('stops waiting for a server that never answers after the read timeout', async () => {
    source = await startFakeSource({ '/iris.data': () => {} });
    const options = sandbox.options(source.url('/iris.data'), {
      http: { readTimeoutMs: 150, retries: 0 },
    });
    const startedAt = performance.now();
    const error = await expectCleanFailure(options, 'SOURCE_UNREACHABLE');

    expect(error.message).toContain('no answer within the read timeout');
    expect(source.requests).toHaveLength(1);
    // undici checks this timeout on a clock that ticks about once a second.
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });

  it('rejects a download cut off midway as truncated, naming how far it got', async () => {
    source = await startFakeSource({
      '/iris.data': (_request, response) => {
        response.writeHead(200, { 'content-length': 1000 });
        response.write(body.subarray(0, 100), () => response.socket?.destroy());
      },
    });
    const error = await expectCleanFailure(
      sandbox.options(source.url('/iris.data')),
      'SOURCE_TRUNCATED',
    );

    expect(error.message).toContain('after 100 of 1000 bytes');
  });

  it('rejects a file whose digest differs from the pinned one, naming both digests', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const pinned = sha256Of('the file as it was when pinned\n');
    const error = await expectCleanFailure(
      sandbox.options(source.url('/iris.data'), { sha256: pinned }),
      'CHECKSUM_MISMATCH',
    );

    expect(error.message).toContain(pinned);
    expect(error.message).toContain(sha256Of(body));
    expect(error.hint).toContain(`sha256 in datasets.yaml to ${sha256Of(body)}`);
    expect(await readdir(sandbox.storeDir).catch(() => [])).toEqual([]);
  });

  it('rejects an empty body', async () => {
    source = await startFakeSource({ '/iris.data': sendBody('') });
    await expectCleanFailure(sandbox.options(source.url('/iris.data')), 'EMPTY_FILE');
  });

  it('stops following redirects after the limit', async () => {
    const hops = Array.from({ length: 7 }, (_, i) => [`/hop${i}`, redirectTo(`/hop${i + 1}`)]);
    source = await startFakeSource(Object.fromEntries(hops));
    const error = await expectCleanFailure(
      sandbox.options(source.url('/hop0')),
      'SOURCE_HTTP_STATUS',
    );

    expect(error.message).toContain('still redirects');
    expect(source.requests).toHaveLength(6);
  });

  it('reports a redirect loop as a status problem, not an unreachable server', async () => {
    source = await startFakeSource({ '/a': redirectTo('/b'), '/b': redirectTo('/a') });
    const error = await expectCleanFailure(sandbox.options(source.url('/a')), 'SOURCE_HTTP_STATUS');

    expect(error.message).toContain('loop');
  });

  it('keeps credentials in the url out of the error', async () => {
    source = await startFakeSource({});
    const url = source.url('/missing.data').replace('//', '//reader:s3cret@');
    const error = await failureOf(ingestRawFile(sandbox.options(url)));

    expect(error.code).toBe('SOURCE_HTTP_STATUS');
    expect(`${error.message} ${error.hint}`).not.toContain('s3cret');
    expect(error.message).toContain('//***@127.0.0.1');
  });
});
