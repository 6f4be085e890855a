import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerHttp } from './server-http.ts';
import { readServerSettings } from './server-settings.ts';
import { json, startScriptedServer, type ScriptedServer } from './testing/scripted-server.ts';

const TOKEN = 'tok-7f3a-secret';
const CALL = {
  method: 'POST',
  path: '/api/2.0/mlflow/runs/log-batch',
  json: { run_id: 'r1' },
} as const;

let server: ScriptedServer;
let warnings: string[];

function clientFor(url: string, env: Record<string, string> = {}) {
  const settings = readServerSettings(url, {
    MLFLOW_TRACKING_TOKEN: TOKEN,
    MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR: '0',
    MLFLOW_HTTP_REQUEST_BACKOFF_JITTER: '0',
    ...env,
  });
  return new ServerHttp(settings, (message) => warnings.push(message));
}

function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: Error & { hint?: string }) => error,
  );
}

beforeEach(async () => {
  server = await startScriptedServer();
  warnings = [];
});

afterEach(() => server.close());

describe('calls to the tracking server', () => {
  it('sends the token as a bearer header and retries a 500 until it succeeds', async () => {
    server.answer(`POST ${CALL.path}`, json(500, { error_code: 'INTERNAL_ERROR' }), json(200, {}));
    expect(await clientFor(server.url).expectOk(CALL)).toEqual({});
    expect(server.requests.map((request) => request.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(warnings).toEqual([
      `POST ${CALL.path} failed (HTTP 500 Internal Server Error: INTERNAL_ERROR), try 1 of 8; ` +
        'retrying in 0.0 s',
    ]);
  });

  it('gives up after the last retry and names the server, the call and the answer', async () => {
    server.answer(
      `POST ${CALL.path}`,
      json(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }),
    );
    const client = clientFor(server.url, { MLFLOW_HTTP_REQUEST_MAX_RETRIES: '2' });
    const error = await failureOf(client.expectOk(CALL));
    expect(server.requests).toHaveLength(3);
    expect(error.message).toBe(
      `the MLflow tracking server ${server.url} answered POST ${CALL.path} with ` +
        'HTTP 503 Service Unavailable: TEMPORARILY_UNAVAILABLE: busy after 3 tries',
    );
  });

  it('does not retry a 401 and masks the token, even when the server echoes it', async () => {
    server.answer(
      `POST ${CALL.path}`,
      json(401, { error_code: 'UNAUTHENTICATED', message: `bad ${TOKEN}` }),
    );
    const error = await failureOf(clientFor(server.url).expectOk(CALL));
    expect(server.requests).toHaveLength(1);
    expect(error.message).toContain('HTTP 401 Unauthorized: UNAUTHENTICATED: bad ***');
    expect(error.hint).toContain('MLFLOW_TRACKING_TOKEN');
    expect(`${error.message} ${error.hint} ${warnings.join(' ')}`).not.toContain(TOKEN);
  });

  it('sends an upload again whole after the connection is reset midway', async () => {
    const body = Buffer.alloc(256 * 1024, 7);
    server.answer(
      'PUT /api/2.0/mlflow-artifacts/artifacts/*',
      (_request, response) => response.socket?.destroy(),
      json(200, {}),
    );
    const upload = {
      method: 'PUT',
      path: '/api/2.0/mlflow-artifacts/artifacts/1/r/a.bin',
      body,
    } as const;
    await clientFor(server.url).expectOk(upload);
    expect(server.requests.map((request) => request.body.length)).toEqual([
      body.length,
      body.length,
    ]);
    expect(warnings[0]).toMatch(/failed \((connection reset|connection closed|other side closed)/);
  });

  it('stops waiting for a silent server after the timeout, on every try', async () => {
    server.answer(`POST ${CALL.path}`, () => {});
    const client = clientFor(server.url, {
      MLFLOW_HTTP_REQUEST_TIMEOUT: '0.2',
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '1',
    });
    const started = Date.now();
    const error = await failureOf(client.expectOk(CALL));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(2);
    expect(error.message).toBe(
      `cannot reach the MLflow tracking server ${server.url} for POST ${CALL.path} ` +
        '(no answer within MLFLOW_HTTP_REQUEST_TIMEOUT) after 2 tries',
    );
  });

  it('reports a refused connection after its tries, without the URI credentials', async () => {
    const port = await closedPort();
    const client = clientFor(`http://bob:pa55word@127.0.0.1:${port}`, {
      MLFLOW_HTTP_REQUEST_MAX_RETRIES: '1',
    });
    const error = await failureOf(client.expectOk(CALL));
    expect(error.message).toBe(
      `cannot reach the MLflow tracking server http://127.0.0.1:${port} for POST ${CALL.path} ` +
        '(connection refused) after 2 tries',
    );
    expect(warnings).toHaveLength(1);
    expect(`${error.message} ${warnings.join(' ')}`).not.toMatch(/bob|pa55word/);
  });
});

describe('answers that are not the API', () => {
  it('says so when the URI leads to a web page rather than the REST API', async () => {
    server.answer(`POST ${CALL.path}`, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body>');
    });
    const error = await failureOf(clientFor(server.url).expectOk(CALL));
    expect(error.message).toBe(
      `the MLflow tracking server ${server.url} answered POST ${CALL.path} with HTTP 200 ` +
        "but not with JSON: '<html><body>Sign in</body>'",
    );
    expect(error.hint).toContain('MLFLOW_TRACKING_URI');
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
