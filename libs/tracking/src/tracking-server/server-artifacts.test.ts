import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveTrackingBackend } from '../resolve-tracking-backend.ts';
import type { TrackingBackend } from '../tracking-backend.ts';
import { answerLikeMlflow212, recordedExchange } from './testing/recorded-answers.ts';
import { json, startScriptedServer, type ScriptedServer } from './testing/scripted-server.ts';

const API = '/api/2.0/mlflow';
const PROXY = '/api/2.0/mlflow-artifacts/artifacts';
const RUN_ID = '2bab75c6c0944a7d8e46697ac1cf52c6';
const MLMODEL = { artifact_path: 'model', flavors: { gaussian_nb_json: {} }, run_id: RUN_ID };

let server: ScriptedServer;
let dir: string;
let backend: TrackingBackend;

/** The recorded create-run answer, with another artifact URI when one is given. */
function answerRunCreate(artifactUri?: string) {
  const { run } = recordedExchange('create-run').response_body as {
    run: { info: Record<string, unknown> };
  };
  const info = { ...run.info, ...(artifactUri ? { artifact_uri: artifactUri } : {}) };
  server.answer(`POST ${API}/runs/create`, json(200, { run: { ...run, info } }));
}

async function startRun() {
  const input = { experimentId: '1', runName: 'r', userId: 'u', startTime: 1, tags: {} };
  return backend.createRun(input);
}

function uploads() {
  return server.requests.filter((request) => request.method === 'PUT').map((put) => put.path);
}

beforeEach(async () => {
  server = await startScriptedServer();
  answerLikeMlflow212(server);
  dir = await mkdtemp(join(tmpdir(), 'server-artifacts-'));
  await mkdir(join(dir, 'model/data'), { recursive: true });
  await writeFile(join(dir, 'model/MLmodel'), 'stale: true\n');
  await writeFile(join(dir, 'model/data/model.json'), '{"classes": 3}\n');
  await writeFile(join(dir, 'diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  backend = resolveTrackingBackend({ MLFLOW_TRACKING_URI: server.url }, dir);
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('artifacts on a tracking server', () => {
  it("PUTs a file to the artifact proxy at the run's artifact location", async () => {
    await startRun();
    await backend.logArtifactFile(RUN_ID, join(dir, 'diagram.svg'), 'images');
    const [put] = server.requests.filter((request) => request.method === 'PUT');
    expect(put?.path).toBe(recordedExchange('put-artifact').path);
    expect(put?.contentType).toBe('image/svg+xml');
    expect(put?.body.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('writes into the folder itself when the artifact location is a file: URI', async () => {
    const root = join(dir, 'shared/1', RUN_ID, 'artifacts');
    answerRunCreate(pathToFileURL(root).href);
    await startRun();
    await backend.logArtifactDirectory(RUN_ID, join(dir, 'model'), 'copy');
    expect(await readFile(join(root, 'copy/data/model.json'), 'utf8')).toBe('{"classes": 3}\n');
    expect(uploads()).toEqual([]);
  });

  it('refuses a cloud artifact store by its scheme and marks the run FAILED', async () => {
    answerRunCreate(`s3://team-bucket/1/${RUN_ID}/artifacts`);
    await expect(startRun()).rejects.toMatchObject({
      code: 'UNSUPPORTED_ARTIFACT_STORE',
      message: expect.stringContaining("a 's3:' store"),
    });
    const update = server.requests.find((request) => request.path === `${API}/runs/update`);
    expect(update?.json).toMatchObject({ run_id: RUN_ID, status: 'FAILED' });
  });
});

describe('the model on a server without logged models (MLflow 2.x)', () => {
  it('uploads the model folder, MLmodel last, and appends it to the history tag', async () => {
    await startRun();
    await backend.logModel(RUN_ID, join(dir, 'model'), 'model', MLMODEL);
    const root = `${PROXY}/1/${RUN_ID}/artifacts`;
    expect(uploads()).toEqual([`${root}/model/data/model.json`, `${root}/model/MLmodel`]);
    const mlmodel = server.requests.find((request) => request.path.endsWith('/MLmodel'));
    expect(parse(mlmodel!.body.toString())).toEqual(MLMODEL);
    const batch = server.requests.find((request) => request.path === `${API}/runs/log-batch`);
    const tags = (batch?.json as { tags: { key: string; value: string }[] }).tags;
    expect(tags[0]?.key).toBe('mlflow.log-model.history');
    expect(JSON.parse(tags[0]!.value)).toEqual([MLMODEL]);
  });
});

describe('the model on a server with logged models (MLflow 3.x)', () => {
  const MODEL_ID = 'm-40ed53dfd7e44957b7a28b73523f576b';
  const MODEL_URI = `mlflow-artifacts:/1/models/${MODEL_ID}/artifacts`;

  beforeEach(() => {
    server.answer(`POST ${API}/logged-models/search`, json(200, {}));
    const info = { model_id: MODEL_ID, artifact_uri: MODEL_URI, status: 'LOGGED_MODEL_PENDING' };
    server.answer(`POST ${API}/logged-models`, json(200, { model: { info } }));
    server.answer(`PATCH ${API}/logged-models/${MODEL_ID}`, json(200, { model: { info } }));
    server.answer(`POST ${API}/runs/outputs`, json(200, {}));
  });

  it('creates it with the run params, uploads it, marks it ready, then links the run', async () => {
    await startRun();
    await backend.logBatch(RUN_ID, { params: { dataset: 'iris' } });
    await backend.logModel(RUN_ID, join(dir, 'model'), 'model', MLMODEL);
    const calls = server.requests.map((request) => `${request.method} ${request.path}`);
    const root = `${PROXY}/1/models/${MODEL_ID}/artifacts`;
    expect(calls.slice(calls.indexOf(`POST ${API}/logged-models/search`))).toEqual([
      `POST ${API}/logged-models/search`,
      `POST ${API}/logged-models`,
      `PUT ${root}/data/model.json`,
      `PUT ${root}/MLmodel`,
      `PATCH ${API}/logged-models/${MODEL_ID}`,
      `POST ${API}/runs/outputs`,
    ]);
    const byPath = (path: string) => server.requests.find((request) => request.path === path);
    expect(byPath(`${API}/logged-models`)?.json).toMatchObject({
      experiment_id: '1',
      name: 'model',
      source_run_id: RUN_ID,
      params: [{ key: 'dataset', value: 'iris' }],
    });
    expect(parse(byPath(`${root}/MLmodel`)!.body.toString())).toMatchObject({
      model_id: MODEL_ID,
      artifact_path: MODEL_URI,
    });
    expect(byPath(`${API}/logged-models/${MODEL_ID}`)?.json).toEqual({
      model_id: MODEL_ID,
      status: 'LOGGED_MODEL_READY',
    });
    expect(byPath(`${API}/runs/outputs`)?.json).toEqual({
      run_id: RUN_ID,
      models: [{ model_id: MODEL_ID, step: 0 }],
    });
  });

  it('marks the logged model FAILED when its upload fails', async () => {
    server.answer(
      'PUT /api/2.0/mlflow-artifacts/artifacts/*',
      json(403, { error_code: 'PERMISSION_DENIED' }),
    );
    await startRun();
    await expect(
      backend.logModel(RUN_ID, join(dir, 'model'), 'model', MLMODEL),
    ).rejects.toMatchObject({
      message: expect.stringContaining('HTTP 403 Forbidden: PERMISSION_DENIED'),
    });
    const patch = server.requests.find((request) => request.method === 'PATCH');
    expect(patch?.json).toEqual({ model_id: MODEL_ID, status: 'LOGGED_MODEL_FAILED' });
    expect(server.requests.some((request) => request.path === `${API}/runs/outputs`)).toBe(false);
  });
});
