import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeEntryPath } from './download-store.ts';
import { ingestRawFile } from './ingest-raw-file.ts';
import {
  closedPort,
  failThenSend,
  redirectTo,
  sendBody,
  startFakeSource,
  type FakeSource,
} from './testing/fake-source-server.ts';
import { createSandbox, readFixture, sha256Of, type Sandbox } from './testing/ingest-sandbox.ts';

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

describe('ingestRawFile over HTTP', () => {
  it('writes exactly raw.data, byte for byte, and raw.json describing it', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const url = source.url('/iris.data');
    const metadata = await ingestRawFile(sandbox.options(url, { sha256: sha256Of(body) }));

    expect((await readdir(sandbox.outputDir)).sort()).toEqual(['raw.data', 'raw.json']);
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
    const written = JSON.parse(await readFile(join(sandbox.outputDir, 'raw.json'), 'utf8'));
    expect(written).toEqual(metadata);
    expect(metadata).toMatchObject({ dataset: 'iris', url, origin: 'network' });
    expect(metadata).toMatchObject({ sha256: sha256Of(body), bytes: body.length });
    expect(new Date(metadata.fetchedAt).toISOString()).toBe(metadata.fetchedAt);
  });

  it('logs the start and the bytes, time and origin when done', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    await ingestRawFile(sandbox.options(source.url('/iris.data'), { sha256: sha256Of(body) }));

    expect(sandbox.lines[0]).toContain(`source ${source.url('/iris.data')}`);
    expect(sandbox.lines.at(-1)).toMatch(new RegExp(`${body.length} bytes from network in \\d`));
  });

  it('reports download progress against the declared length', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const events: string[] = [];
    const progress = {
      start: (total: number | undefined) => events.push(`start ${total}`),
      update: (bytes: number) => events.push(`at ${bytes}`),
      stop: () => events.push('stop'),
    };
    await ingestRawFile({ ...sandbox.options(source.url('/iris.data')), progress });

    expect(events[0]).toBe(`start ${body.length}`);
    expect(events.slice(-2)).toEqual([`at ${body.length}`, 'stop']);
  });

  it('follows a chain of redirects to the file', async () => {
    source = await startFakeSource({
      '/old': redirectTo('/moved', 301),
      '/moved': redirectTo('/current/iris.data', 307),
      '/current/iris.data': sendBody(body),
    });
    const metadata = await ingestRawFile(sandbox.options(source.url('/old')));

    expect(source.requests.map((request) => request.path)).toEqual([
      '/old', '/moved', '/current/iris.data',
    ]);
    expect(metadata.bytes).toBe(body.length);
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });

  it('retries a 500 answer and succeeds on the next try, with a warning', async () => {
    source = await startFakeSource({ '/iris.data': failThenSend(500, 1, body) });
    const metadata = await ingestRawFile(sandbox.options(source.url('/iris.data')));

    expect(source.requests).toHaveLength(2);
    expect(metadata.sha256).toBe(sha256Of(body));
    expect(sandbox.lines.some((line) => /try 1 of 4 failed \(HTTP 500\)/.test(line))).toBe(true);
  });

  it('retries a 429 answer and succeeds on the next try', async () => {
    source = await startFakeSource({ '/iris.data': failThenSend(429, 2, body) });
    const metadata = await ingestRawFile(sandbox.options(source.url('/iris.data')));

    expect(source.requests).toHaveLength(3);
    expect(metadata.bytes).toBe(body.length);
  });

  it('resumes a dropped download with a range request when the server supports it', async () => {
    source = await startFakeSource({
      '/iris.data': (request, response, hit) => {
        if (hit === 1) {
          response.writeHead(200, { 'content-length': body.length });
          response.write(body.subarray(0, 100), () => response.socket?.destroy());
          return;
        }
        expect(request.headers.range).toBe(`bytes=100-${body.length - 1}`);
        const range = `bytes 100-${body.length - 1}/${body.length}`;
        response.writeHead(206, { 'content-range': range, 'content-length': body.length - 100 });
        response.end(body.subarray(100));
      },
    });
    const metadata = await ingestRawFile(
      sandbox.options(source.url('/iris.data'), { sha256: sha256Of(body) }),
    );

    expect(source.requests).toHaveLength(2);
    expect(metadata).toMatchObject({ origin: 'network', bytes: body.length });
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });

  it('adds a verified download to the store and serves the next run from it offline', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const options = sandbox.options(source.url('/iris.data'), { sha256: sha256Of(body) });
    await ingestRawFile(options);
    await source.close();
    source = undefined;

    const entry = storeEntryPath(sandbox.storeDir, sha256Of(body));
    expect(await readFile(entry)).toEqual(body);
    const again = await ingestRawFile(options);
    expect(again.origin).toBe('store');
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });

  it('never contacts the server when the pinned digest is already in the store', async () => {
    source = await startFakeSource({ '/iris.data': sendBody('something else\n') });
    const entry = storeEntryPath(sandbox.storeDir, sha256Of(body));
    await mkdir(join(entry, '..'), { recursive: true });
    await writeFile(entry, body);
    const metadata = await ingestRawFile(
      sandbox.options(source.url('/iris.data'), { sha256: sha256Of(body) }),
    );

    expect(source.requests).toHaveLength(0);
    expect(metadata).toMatchObject({ origin: 'store', bytes: body.length });
  });

  it('downloads again when a store entry no longer matches its digest', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const entry = storeEntryPath(sandbox.storeDir, sha256Of(body));
    await mkdir(join(entry, '..'), { recursive: true });
    await writeFile(entry, 'damaged\n');
    const metadata = await ingestRawFile(
      sandbox.options(source.url('/iris.data'), { sha256: sha256Of(body) }),
    );

    expect(metadata.origin).toBe('network');
    expect(await readFile(entry)).toEqual(body);
    expect(sandbox.lines.some((line) => line.includes('does not match its digest'))).toBe(true);
  });

  it('always downloads an unpinned file, records its digest and suggests pinning it', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const options = sandbox.options(source.url('/iris.data'));
    await ingestRawFile(options);
    const second = await ingestRawFile(options);

    expect(source.requests).toHaveLength(2);
    expect(second).toMatchObject({ origin: 'network', sha256: sha256Of(body) });
    expect(sandbox.lines.at(-1)).toContain(`sha256: ${sha256Of(body)}`);
  });

  it('sends credentials in the url as basic auth but never shows them', async () => {
    source = await startFakeSource({ '/iris.data': sendBody(body) });
    const url = source.url('/iris.data').replace('//', '//reader:s3cret@');
    const metadata = await ingestRawFile(sandbox.options(url));

    const expected = `Basic ${Buffer.from('reader:s3cret').toString('base64')}`;
    expect(source.requests[0]?.authorization).toBe(expected);
    expect(metadata.url).toBe(source.url('/iris.data').replace('//', '//***@'));
    const metadataText = await readFile(join(sandbox.outputDir, 'raw.json'), 'utf8');
    expect([metadataText, ...sandbox.lines].some((text) => text.includes('s3cret'))).toBe(false);
  });

  it('uses the vendored copy of a pinned file with no network at all', async () => {
    const vendorDir = join(sandbox.root, 'vendor', 'datasets');
    await mkdir(vendorDir, { recursive: true });
    await writeFile(join(vendorDir, 'other.data'), 'not this one\n');
    await writeFile(join(vendorDir, 'iris.data'), body);
    const url = `http://127.0.0.1:${await closedPort()}/iris.data`;
    const metadata = await ingestRawFile(
      sandbox.options(url, { sha256: sha256Of(body), http: { retries: 0 } }),
    );

    expect(metadata).toMatchObject({ origin: 'vendor', sha256: sha256Of(body) });
    expect(await readFile(join(sandbox.outputDir, 'raw.data'))).toEqual(body);
  });
});
