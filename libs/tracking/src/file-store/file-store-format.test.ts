import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DatasetInput } from '../tracking-backend.ts';
import { FileStoreBackend } from './file-store-backend.ts';

const REFERENCE = resolve(import.meta.dirname, '../../test-fixtures/reference-mlruns');
const REFERENCE_EXPERIMENT = join(REFERENCE, '652282047493730441');
const REFERENCE_RUN = join(REFERENCE_EXPERIMENT, 'e3a14d4015f540f6a90f50a752079b7f');
const REFERENCE_DATASET_ID = 'f59c946a8079b43cb8c9a093ba3ca066';

/** The dataset MLflow logged in the reference run, described through our interface. */
const REFERENCE_DATASET: DatasetInput = {
  name: 'toy',
  digest: 'a5357541',
  sourceType: 'code',
  source: {
    tags: {
      'mlflow.user': 'root',
      'mlflow.source.name': 'log_sample.py',
      'mlflow.source.type': 'LOCAL',
    },
  },
  schema: [
    { name: 'x', type: 'long' },
    { name: 'y', type: 'long' },
  ],
  profile: { num_rows: 3, num_elements: 6 },
  context: 'training',
};

async function readYaml(path: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path, 'utf8'), { version: '1.1' }) as Record<string, unknown>;
}

/** Key order and the type of each value: what MLflow's reader depends on. */
async function shapeOf(path: string): Promise<[string, string][]> {
  const record = await readYaml(path);
  return Object.entries(record).map(([key, value]) => [
    key,
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value,
  ]);
}

let root: string;
let backend: FileStoreBackend;

beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'tracking-format-')), 'mlruns');
  backend = new FileStoreBackend({ rootDir: root, artifactRoot: `file://${root}` });
});

afterEach(async () => {
  await rm(resolve(root, '..'), { recursive: true, force: true });
});

async function startRun(): Promise<{ experimentId: string; runId: string; runDir: string }> {
  const experimentId = await backend.getOrCreateExperiment('Iris Classification');
  const run = await backend.createRun({
    experimentId,
    runName: 'reference-run',
    userId: 'root',
    startTime: 1796395946249,
    tags: {},
  });
  return { experimentId, runId: run.runId, runDir: join(root, experimentId, run.runId) };
}

describe('the file store layout', () => {
  it('writes experiment meta.yaml files shaped like MLflow’s, Default included', async () => {
    const { experimentId } = await startRun();
    expect(await shapeOf(join(root, experimentId, 'meta.yaml'))).toEqual(
      await shapeOf(join(REFERENCE_EXPERIMENT, 'meta.yaml')),
    );
    expect(await readYaml(join(root, '0', 'meta.yaml'))).toMatchObject({
      experiment_id: '0',
      name: 'Default',
      lifecycle_stage: 'active',
      artifact_location: `file://${root}/0`,
    });
    expect(await readdir(root)).toContain('.trash');
  });

  it('writes run meta.yaml shaped like the reference, end_time null while running', async () => {
    const { runId, runDir } = await startRun();
    const metaPath = join(runDir, 'meta.yaml');
    expect(await readYaml(metaPath)).toMatchObject({ status: 1, end_time: null, tags: [] });

    await backend.endRun(runId, 'FINISHED', 1796395946308);
    expect(await shapeOf(metaPath)).toEqual(await shapeOf(join(REFERENCE_RUN, 'meta.yaml')));
    expect(await readYaml(metaPath)).toMatchObject({
      status: 3,
      end_time: 1796395946308,
      run_id: runId,
      run_uuid: runId,
    });
  });

  it('writes params, metrics and tags byte for byte as MLflow did', async () => {
    const { runId, runDir } = await startRun();
    const referenceLines = (await readFile(join(REFERENCE_RUN, 'metrics/loss'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ').map(Number));
    await backend.logBatch(runId, {
      params: { lr: '0.01', epochs: '3', optimizer: 'adam' },
      metrics: referenceLines.map(([timestamp = 0, value = 0, step = 0]) => ({
        key: 'loss',
        value,
        timestamp,
        step,
      })),
      tags: { team: 'ts-port' },
    });
    const files = ['params/lr', 'params/epochs', 'params/optimizer', 'metrics/loss', 'tags/team'];
    for (const file of files) {
      const ours = await readFile(join(runDir, file), 'utf8');
      expect(ours, file).toBe(await readFile(join(REFERENCE_RUN, file), 'utf8'));
    }
    expect(await readFile(join(runDir, 'tags/mlflow.runName'), 'utf8')).toBe('reference-run');
  });

  it('stores a dataset input under the same ids and fields as MLflow', async () => {
    const { experimentId, runId, runDir } = await startRun();
    await backend.logInputs(runId, [REFERENCE_DATASET]);
    const datasetMeta = join('datasets', REFERENCE_DATASET_ID, 'meta.yaml');
    expect(await readYaml(join(root, experimentId, datasetMeta))).toEqual(
      await readYaml(join(REFERENCE_EXPERIMENT, datasetMeta)),
    );
    const [inputId, ...others] = await readdir(join(runDir, 'inputs'));
    expect(others).toEqual([]);
    const referenceInputs = join(REFERENCE_RUN, 'inputs');
    const [referenceInputId = ''] = await readdir(referenceInputs);
    expect(await readYaml(join(runDir, 'inputs', inputId ?? '', 'meta.yaml'))).toEqual(
      await readYaml(join(referenceInputs, referenceInputId, 'meta.yaml')),
    );
  });

  it('gives experiments 18-digit ids and runs uuid4 hex ids', async () => {
    const { experimentId, runId } = await startRun();
    expect(experimentId).toMatch(/^[1-9][0-9]{17}$/);
    expect(runId).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });

  it('writes plain-path artifact locations when the store was named by a plain path', async () => {
    const plain = new FileStoreBackend({ rootDir: root, artifactRoot: root });
    const experimentId = await plain.getOrCreateExperiment('plain');
    const input = { experimentId, runName: 'r', userId: 'u', startTime: 1, tags: {} };
    const run = await plain.createRun(input);
    expect(await readYaml(join(root, experimentId, 'meta.yaml'))).toMatchObject({
      artifact_location: `${root}/${experimentId}`,
    });
    expect(run.artifactUri).toBe(`${root}/${experimentId}/${run.runId}/artifacts`);
  });
});
