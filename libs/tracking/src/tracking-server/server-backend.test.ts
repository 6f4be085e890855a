import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveTrackingBackend } from '../resolve-tracking-backend.ts';
import type { TrackingBackend } from '../tracking-backend.ts';
import {
  answerLikeMlflow212,
  recordedAnswer,
  recordedExchange,
} from './testing/recorded-answers.ts';
import { json, startScriptedServer, type ScriptedServer } from './testing/scripted-server.ts';

const API = '/api/2.0/mlflow';
const RECORDED_RUN = '2bab75c6c0944a7d8e46697ac1cf52c6';

let server: ScriptedServer;
let warnings: string[];

function backendFor(env: Record<string, string> = {}): TrackingBackend {
  const fastRetries = {
    MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR: '0',
    MLFLOW_HTTP_REQUEST_BACKOFF_JITTER: '0',
  };
  const settings = { MLFLOW_TRACKING_URI: server.url, ...fastRetries, ...env };
  return resolveTrackingBackend(settings, '/unused', (message) => warnings.push(message));
}

function callsTo(method: string, path: string) {
  return server.requests.filter((request) => request.method === method && request.path === path);
}

beforeEach(async () => {
  server = await startScriptedServer();
  answerLikeMlflow212(server);
  warnings = [];
});

afterEach(() => server.close());

describe('the tracking-server backend, against answers recorded from MLflow 2.12', () => {
  it('creates a missing experiment by name and shows the URI it logs to', async () => {
    const backend = backendFor();
    expect(backend.displayUri).toBe(server.url);
    expect(await backend.getOrCreateExperiment('Iris Classification')).toBe('1');
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${API}/experiments/get-by-name`,
      `POST ${API}/experiments/create`,
    ]);
    expect(server.requests[0]?.query).toEqual({ experiment_name: 'Iris Classification' });
    expect(server.requests[1]?.json).toEqual(recordedExchange('create-experiment').request_body);
  });

  it('reads the experiment again when another process created it first', async () => {
    server.answer(`POST ${API}/experiments/create`, recordedAnswer('create-experiment-duplicate'));
    expect(await backendFor().getOrCreateExperiment('Iris Classification')).toBe('1');
    expect(callsTo('GET', `${API}/experiments/get-by-name`)).toHaveLength(2);
  });

  it('refuses a deleted experiment and says how to restore it', async () => {
    const { experiment } = recordedExchange('get-experiment-by-name').response_body as {
      experiment: object;
    };
    const deleted = { experiment: { ...experiment, lifecycle_stage: 'deleted' } };
    server.answer(`GET ${API}/experiments/get-by-name`, json(200, deleted));
    await expect(backendFor().getOrCreateExperiment('Iris Classification')).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
      hint: expect.stringContaining('mlflow experiments restore --experiment-id 1'),
    });
  });

  it('creates the run with its name, user, start time and tags', async () => {
    const run = await backendFor().createRun({
      experimentId: '1',
      runName: 'reference-run',
      userId: 'ts-client',
      startTime: 1796396027758,
      tags: { 'mlflow.user': 'ts-client', team: 'ts-port' },
    });
    expect(run).toEqual({
      runId: RECORDED_RUN,
      experimentId: '1',
      artifactUri: `mlflow-artifacts:/1/${RECORDED_RUN}/artifacts`,
    });
    expect(callsTo('POST', `${API}/runs/create`)[0]?.json).toEqual({
      experiment_id: '1',
      user_id: 'ts-client',
      run_name: 'reference-run',
      start_time: 1796396027758,
      tags: [
        { key: 'mlflow.user', value: 'ts-client' },
        { key: 'team', value: 'ts-port' },
      ],
    });
  });

  it('logs params, metrics and tags as MLflow records them, NaN as "NaN"', async () => {
    const backend = backendFor();
    await backend.logBatch(RECORDED_RUN, {
      params: { lr: '0.01' },
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 1796396027766, step: 1 },
        { key: 'precision_rare', value: NaN, timestamp: 1796396027766, step: 0 },
      ],
      tags: { stage: 'dev' },
    });
    expect(callsTo('POST', `${API}/runs/log-batch`)[0]?.json).toEqual({
      run_id: RECORDED_RUN,
      params: [{ key: 'lr', value: '0.01' }],
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 1796396027766, step: 1 },
        { key: 'precision_rare', value: 'NaN', timestamp: 1796396027766, step: 0 },
      ],
      tags: [{ key: 'stage', value: 'dev' }],
    });
  });

  it('logs dataset inputs in the form MLflow 2.12 accepted', async () => {
    await backendFor().logInputs(RECORDED_RUN, [
      {
        name: 'iris',
        digest: '4b0a1c2d',
        sourceType: 'http',
        source: { url: 'https://example.com/data/iris.csv' },
        schema: [
          ...['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].map((name) => ({
            name,
            type: 'double' as const,
          })),
          { name: 'species', type: 'string' },
        ],
        profile: { num_rows: 150, num_elements: 750 },
        context: 'training',
      },
    ]);
    const sent = callsTo('POST', `${API}/runs/log-inputs`)[0]?.json;
    expect(sent).toEqual(recordedExchange('log-inputs').request_body);
  });

  it('quotes the server, the call and its answer when a call is refused', async () => {
    server.answer(`POST ${API}/runs/log-batch`, recordedAnswer('log-batch-change-param'));
    const failure = backendFor().logBatch(RECORDED_RUN, { params: { lr: '0.02' } });
    await expect(failure).rejects.toMatchObject({
      code: 'TRACKING_FAILED',
      message:
        `the MLflow tracking server ${server.url} answered POST ${API}/runs/log-batch with ` +
        'HTTP 400 Bad Request: INVALID_PARAMETER_VALUE: Changing param values is not allowed. ' +
        `Params were already logged='[{'key': 'lr', 'old_value': '0.01', 'new_value': '0.02'}]' ` +
        `for run ID='${RECORDED_RUN}'.`,
    });
    expect(callsTo('POST', `${API}/runs/log-batch`)).toHaveLength(1);
  });

  it('ends the run with its status and end time', async () => {
    await backendFor().endRun(RECORDED_RUN, 'FAILED', 1796396027814);
    expect(callsTo('POST', `${API}/runs/update`)[0]?.json).toEqual({
      run_id: RECORDED_RUN,
      status: 'FAILED',
      end_time: 1796396027814,
    });
  });
});
