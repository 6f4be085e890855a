// Faults between `train` and a real MLflow 3.x tracking server, injected by a proxy on 127.0.0.1:
// each ends in a logged run, or in a clear failure with the run marked FAILED.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineError } from '@pipeline/errors';
import { prepareDataset } from '@pipeline/prepare';
import {
  requireAuthorization,
  startMlflowServer,
  startTrackingProxy,
  WORKSPACE_ROOT,
  type MlflowServer,
  type ProxyRule,
  type TrackingProxy,
} from '@pipeline/test-support';
import { trainDataset } from '@pipeline/train';

const API = '/api/2.0/mlflow';

let server: MlflowServer;
let root: string;
let proxy: TrackingProxy | undefined;

interface ServerRun {
  info: { run_id: string; experiment_id: string; status: string; end_time?: number };
}

async function serverCall<T>(path: string, body?: unknown): Promise<T> {
  const headers = { 'content-type': 'application/json' };
  const init = body === undefined ? {} : { method: 'POST', headers, body: JSON.stringify(body) };
  return (await (await fetch(`${server.url}${path}`, init)).json()) as T;
}

/** The runs of an experiment as the server itself has them, behind no proxy. */
async function runsIn(experimentName: string): Promise<ServerRun[]> {
  const query = `experiment_name=${encodeURIComponent(experimentName)}`;
  const found = await serverCall<{ experiment?: { experiment_id: string } }>(
    `${API}/experiments/get-by-name?${query}`,
  );
  if (!found.experiment) return [];
  const search = { experiment_ids: [found.experiment.experiment_id], max_results: 10 };
  return (await serverCall<{ runs?: ServerRun[] }>(`${API}/runs/search`, search)).runs ?? [];
}

async function trainThrough(rule: ProxyRule, experimentName: string, env = {}) {
  proxy = await startTrackingProxy(server.url, rule);
  const warnings: string[] = [];
  const outputDir = join(root, experimentName);
  const training = trainDataset({
    dataset: 'iris',
    preparedDir: join(root, 'prepared'),
    outputDir,
    experimentName,
    sourceUrl: 'vendor/datasets/iris.data',
    model: { type: 'gaussian_nb', params: {} },
    env: {
      MLFLOW_TRACKING_URI: proxy.url,
      MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR: '0',
      MLFLOW_HTTP_REQUEST_BACKOFF_JITTER: '0.05',
      ...env,
    },
    cwd: root,
    log: { info: () => {}, warn: (message) => warnings.push(message) },
  });
  const outcome = await training.then(
    (result) => ({ result, error: undefined }),
    (error: PipelineError) => ({ result: undefined, error }),
  );
  return { ...outcome, warnings, outputDir, seen: proxy.seen };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tracking-faults-'));
  const quiet = { info: () => {}, warn: () => {} };
  const [started] = await Promise.all([
    startMlflowServer('main'),
    prepareDataset({
      dataset: 'iris',
      inputFile: join(WORKSPACE_ROOT, 'vendor/datasets/iris.data'),
      outputDir: join(root, 'prepared'),
      datasetType: 'iris',
      targetColumn: 'species',
      log: quiet,
    }),
  ]);
  server = started;
}, 120_000);

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

afterAll(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('train against a tracking server that misbehaves', () => {
  it('retries a 500 and finishes the run', async () => {
    const outcome = await trainThrough(({ path, nth }) => {
      if (path !== `${API}/runs/log-batch` || nth !== 1) return undefined;
      return { status: 500, json: { error_code: 'INTERNAL_ERROR', message: 'database is locked' } };
    }, 'Retry after 500');
    expect(outcome.error).toBeUndefined();
    const batches = outcome.seen.filter((request) => request.path === `${API}/runs/log-batch`);
    expect(batches.slice(0, 2).map((request) => request.status)).toEqual([500, 200]);
    expect(outcome.warnings).toEqual([
      expect.stringContaining('INTERNAL_ERROR: database is locked'),
    ]);
    const [run] = await runsIn('Retry after 500');
    expect(run?.info).toMatchObject({ run_id: outcome.result?.runId, status: 'FINISHED' });
  });

  it('sends an upload again after a reset midway, and nothing is lost', async () => {
    const outcome = await trainThrough(({ method, path, nth }) => {
      const png = method === 'PUT' && path.endsWith('/plots/confusion_matrix.png');
      return png && nth === 1 ? 'reset-midway' : undefined;
    }, 'Reset upload');
    expect(outcome.error).toBeUndefined();
    expect(outcome.warnings).toEqual([
      expect.stringMatching(/^PUT \S+\/plots\/confusion_matrix\.png failed \(/),
    ]);
    const runId = outcome.result!.runId;
    const listing = await serverCall<{ files: { path: string; file_size: number }[] }>(
      `${API}/artifacts/list?run_id=${runId}&path=plots`,
    );
    const png = listing.files.find((file) => file.path === 'plots/confusion_matrix.png');
    const local = await stat(join(outcome.outputDir, 'confusion_matrix.png'));
    expect(png?.file_size).toBe(local.size);
    expect((await runsIn('Reset upload'))[0]?.info.status).toBe('FINISHED');
  });

  it('gives up on a server that stops answering and marks the run FAILED', async () => {
    const outcome = await trainThrough(
      ({ method }) => (method === 'PUT' ? 'silence' : undefined),
      'Silent server',
      { MLFLOW_HTTP_REQUEST_TIMEOUT: '1', MLFLOW_HTTP_REQUEST_MAX_RETRIES: '1' },
    );
    const message = outcome.error?.message ?? '';
    expect(message).toMatch(/^cannot reach the MLflow tracking server \S+ for PUT \/api\/2\.0\//);
    expect(message).toContain('(no answer within MLFLOW_HTTP_REQUEST_TIMEOUT) after 2 tries');
    expect(existsSync(outcome.outputDir)).toBe(false);
    const [run] = await runsIn('Silent server');
    expect(run?.info.status).toBe('FAILED');
    expect(run?.info.end_time).toBeGreaterThan(0);
  });

  it('stops at a 401 for a wrong token, at once and without repeating the token', async () => {
    const outcome = await trainThrough(requireAuthorization('Bearer right-token'), 'Wrong token', {
      MLFLOW_TRACKING_TOKEN: 'wrong-token',
    });
    expect(outcome.error?.message).toBe(
      `the MLflow tracking server ${proxy!.url} answered GET ${API}/experiments/get-by-name ` +
        'with HTTP 401 Unauthorized: UNAUTHENTICATED: Unauthorized',
    );
    expect(outcome.error?.hint).toContain('MLFLOW_TRACKING_TOKEN');
    const shown = `${outcome.error?.message} ${outcome.error?.hint} ${outcome.warnings}`;
    expect(shown).not.toContain('wrong-token');
    expect(outcome.seen).toHaveLength(1);
    expect(await runsIn('Wrong token')).toEqual([]);
  });

  it('uses the experiment another process created between our lookup and our create', async () => {
    let otherId = '';
    const outcome = await trainThrough(async ({ path, nth }) => {
      if (path !== `${API}/experiments/create` || nth !== 1) return undefined;
      const created = await serverCall<{ experiment_id: string }>(`${API}/experiments/create`, {
        name: 'Created concurrently',
      });
      otherId = created.experiment_id;
      return undefined;
    }, 'Created concurrently');
    expect(outcome.error).toBeUndefined();
    const create = outcome.seen.find((request) => request.path === `${API}/experiments/create`);
    expect(create?.status).toBe(400);
    const [run] = await runsIn('Created concurrently');
    expect(run?.info).toMatchObject({ experiment_id: otherId, status: 'FINISHED' });
  });
});
