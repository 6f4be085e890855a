// The real MLflow 3.17 client reads back runs that our file store wrote.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPythonJson } from '@pipeline/test-support';
import { trackWithRun } from '../track-with-run.ts';
import type { DatasetInput } from '../tracking-backend.ts';
import { FileStoreBackend } from './file-store-backend.ts';

const READ_RUNS = resolve(import.meta.dirname, '../../test-fixtures/python/read_runs.py');
/** MLflow 3.x refuses the file store unless this opt-out is set. */
const PYTHON_ENV = { MLFLOW_ALLOW_FILE_STORE: 'true' };
const START = 1_800_000_000_000;

interface ReadRun {
  run_name: string;
  status: string;
  start_time: number;
  end_time: number | null;
  user_id: string;
  params: Record<string, string>;
  metrics: Record<string, number>;
  history: Record<string, [number, number, number][]>;
  tags: Record<string, string>;
  artifacts: string[];
  models: { history_entry: Record<string, unknown>; artifact_path: string; flavors: unknown;
    run_id: string; model_uuid: string }[];
  dataset_inputs: { name: string; digest: string; source_type: string; source: string;
    schema: string; profile: string; tags: Record<string, string> }[];
}

const IRIS: DatasetInput = {
  name: 'iris',
  digest: '6f1c0a2b',
  sourceType: 'http',
  source: { url: 'https://archive.ics.uci.edu/ml/machine-learning-databases/iris/iris.data' },
  schema: [
    { name: 'sepal_length', type: 'double' },
    { name: 'species', type: 'string' },
  ],
  profile: { num_rows: 150, num_elements: 750 },
  context: 'training',
};

let workDir: string;
let finishedRunId = '';
let failedRunId = '';
let workError: unknown;
let read: { experiment: { id: string; name: string } | null; runs: Record<string, ReadRun> };

async function writeInputFolders() {
  const plots = join(workDir, 'plots');
  await mkdir(join(plots, 'per-class'), { recursive: true });
  await writeFile(join(plots, 'confusion.svg'), '<svg/>');
  await writeFile(join(plots, 'per-class', 'setosa.svg'), '<svg/>');
  await writeFile(join(workDir, 'report.txt'), 'accuracy 0.95');
  await mkdir(join(workDir, 'model'));
  await writeFile(join(workDir, 'model', 'model.json'), '{"priors": [0.33, 0.33, 0.34]}');
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tracking-mlflow-'));
  const root = join(workDir, 'mlruns');
  const trackingUri = pathToFileURL(root).href;
  const backend = new FileStoreBackend({ rootDir: root, artifactRoot: trackingUri });
  await writeInputFolders();
  let now = START;
  const options = { experimentName: 'iris', endOnSignal: false, clock: () => (now += 1_000) };

  finishedRunId = await trackWithRun(
    backend,
    { ...options, runName: 'iris-nb', tags: { team: 'ml' } },
    async (run) => {
      await run.logParams({ model: 'gaussian-nb', seed: 42 });
      for (const [step, loss] of [1, 0.5, 0.25].entries()) await run.logMetrics({ loss }, step);
      await run.logMetrics({ accuracy: 0.95 });
      await run.setTags({ stage: 'dev' });
      await run.logInputs([IRIS]);
      await run.logArtifactFile(join(workDir, 'report.txt'));
      await run.logArtifactDirectory(join(workDir, 'plots'), 'plots');
      await run.logModel(join(workDir, 'model'), 'model', {
        artifact_path: 'model',
        flavors: { x: {} },
        run_id: run.runId,
        utc_time_created: '2027-01-15 08:00:00.000000',
        model_uuid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      });
      return run.runId;
    },
  );

  workError = await trackWithRun(backend, { ...options, runName: 'broken' }, async (run) => {
    failedRunId = run.runId;
    await run.logParams({ lr: 0.5 });
    throw new Error('the prepared split is empty');
  }).catch((error: unknown) => error);

  const script = await readFile(READ_RUNS, 'utf8');
  const request = { tracking_uri: trackingUri, experiment_name: 'iris' };
  read = await runPythonJson(script, request, PYTHON_ENV);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function finishedRun(): ReadRun {
  const run = read.runs[finishedRunId];
  if (!run) throw new Error(`MLflow did not list run ${finishedRunId}`);
  return run;
}

describe('a run written by FileStoreBackend, read with MLflow 3.17', () => {
  it('is found by experiment name and lists both runs', () => {
    expect(read.experiment?.name).toBe('iris');
    expect(Object.keys(read.runs).sort()).toEqual([finishedRunId, failedRunId].sort());
  });

  it('is FINISHED with its name, user and an end time after the start', () => {
    const run = finishedRun();
    expect(run).toMatchObject({ run_name: 'iris-nb', status: 'FINISHED' });
    expect(run.user_id).toBe(run.tags['mlflow.user']);
    expect(run.start_time).toBeGreaterThan(START);
    expect(run.end_time).toBeGreaterThan(run.start_time);
  });

  it('has the params as strings, the latest metric values and the full loss history', () => {
    const run = finishedRun();
    expect(run.params).toEqual({ model: 'gaussian-nb', seed: '42' });
    expect(run.metrics).toEqual({ loss: 0.25, accuracy: 0.95 });
    expect(run.history.loss?.map(([step, value]) => [step, value])).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 0.25],
    ]);
  });

  it('has the caller tags and the tags MLflow’s own client sets', () => {
    expect(finishedRun().tags).toMatchObject({
      team: 'ml',
      stage: 'dev',
      'mlflow.runName': 'iris-nb',
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.name': expect.any(String) as unknown,
    });
  });

  it('lists every artifact, nested folders included', () => {
    expect(finishedRun().artifacts).toEqual([
      'model/MLmodel',
      'model/model.json',
      'plots/confusion.svg',
      'plots/per-class/setosa.svg',
      'report.txt',
    ]);
  });

  it('loads the model with mlflow.models.Model and parses the log-model history tag', () => {
    const [model, ...others] = finishedRun().models;
    expect(others).toEqual([]);
    expect(model).toMatchObject({
      artifact_path: 'model',
      flavors: { x: {} },
      run_id: finishedRunId,
      model_uuid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      history_entry: { artifact_path: 'model', run_id: finishedRunId },
    });
  });

  it('shows the dataset input with its digest, source, schema and context tag', () => {
    const [input, ...others] = finishedRun().dataset_inputs;
    expect(others).toEqual([]);
    expect(input).toMatchObject({ name: 'iris', digest: '6f1c0a2b', source_type: 'http' });
    expect(JSON.parse(input?.source ?? '')).toEqual(IRIS.source);
    expect(JSON.parse(input?.schema ?? '')).toEqual({
      mlflow_colspec: [
        { type: 'double', name: 'sepal_length', required: true },
        { type: 'string', name: 'species', required: true },
      ],
    });
    expect(JSON.parse(input?.profile ?? '')).toEqual(IRIS.profile);
    expect(input?.tags).toEqual({ 'mlflow.data.context': 'training' });
  });
});

describe('a run whose work throws, read with MLflow 3.17', () => {
  it('rethrows the original error to the caller', () => {
    expect(workError).toBeInstanceOf(Error);
    expect((workError as Error).message).toBe('the prepared split is empty');
  });

  it('is FAILED with an end time and keeps what was logged before the failure', () => {
    const run = read.runs[failedRunId];
    expect(run).toMatchObject({ status: 'FAILED', run_name: 'broken', params: { lr: '0.5' } });
    expect(run?.end_time).toBeGreaterThan(run?.start_time ?? Infinity);
  });
});
