// The model folder: readable by the real MLflow 3.17.2, reloadable by us to the same predictions,
// and refused with a clear error when damaged.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPipelineError, type PipelineError } from '@pipeline/errors';
import { runPythonJson } from '@pipeline/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitGaussianNb } from '../gaussian-nb/gaussian-nb-fitter.ts';
import { predictClass, predictProba } from '../gaussian-nb/gaussian-nb-predict.ts';
import { readIris } from '../test-fixtures/uci-datasets.ts';
import { buildMlmodel, formatMlflowTimestamp } from './mlmodel.ts';
import { readModelFolder } from './read-model-folder.ts';
import { writeModelFolder } from './write-model-folder.ts';

const MLFLOW_LOAD = `
import json, os, sys, yaml
from mlflow.models import Model
folder = json.load(sys.stdin)
model = Model.load(folder)
with open(os.path.join(folder, "MLmodel")) as mlmodel:
    raw_time = yaml.safe_load(mlmodel)["utc_time_created"]
print(json.dumps({
    "raw_time_type": type(raw_time).__name__,
    "flavors": model.flavors, "run_id": model.run_id, "artifact_path": model.artifact_path,
    "model_uuid": model.model_uuid, "utc_time_created": model.utc_time_created,
    "inputs": model.signature.inputs.input_names(),
    "input_types": [t.name for t in model.signature.inputs.input_types()],
    "output_types": [t.name for t in model.signature.outputs.input_types()],
}))
`;

const iris = await readIris();
const model = fitGaussianNb(iris.rows, iris.labels, iris);
const options = {
  artifactPath: 'model',
  runId: '0123456789abcdef0123456789abcdef',
  modelUuid: 'fedcba9876543210fedcba9876543210',
  createdAt: new Date(Date.UTC(2024, 4, 1, 12, 30, 45, 123)),
};

async function caught(action: () => Promise<unknown>): Promise<PipelineError> {
  const failure = await action().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (isPipelineError(failure)) return failure;
  throw new Error(`expected a PipelineError, got ${String(failure)}`);
}

describe('the model folder', () => {
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'models-folder-'));
    dir = join(root, 'model');
    await writeModelFolder(dir, model, options);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('holds exactly MLmodel and model.json, with no temporary files left behind', async () => {
    expect((await readdir(dir)).sort()).toEqual(['MLmodel', 'model.json']);
  });

  it('is accepted by MLflow 3.17.2 Model.load with our flavor, run id and signature', async () => {
    const loaded = await runPythonJson<Record<string, unknown>>(MLFLOW_LOAD, dir);

    expect(loaded.flavors).toEqual(buildMlmodel(model, options).flavors);
    expect(loaded.run_id).toBe(options.runId);
    expect(loaded.artifact_path).toBe('model');
    expect(loaded.model_uuid).toBe(options.modelUuid);
    expect(loaded.utc_time_created).toBe('2024-05-01 12:30:45.123000');
    expect(loaded.raw_time_type).toBe('str');
    expect(loaded.inputs).toEqual(iris.features);
    expect(loaded.input_types).toEqual(iris.features.map(() => 'double'));
    expect(loaded.output_types).toEqual(['long']);
  });

  it('reloads to identical predictions and probabilities', async () => {
    const reloaded = await readModelFolder(dir);
    expect(reloaded).toEqual(model);
    for (const row of iris.rows) {
      expect(predictClass(reloaded, row)).toBe(predictClass(model, row));
      expect(predictProba(reloaded, row)).toEqual(predictProba(model, row));
    }
  });

  it('refuses a truncated model.json with the file and a hint to train again', async () => {
    const damaged = join(root, 'truncated');
    await writeModelFolder(damaged, model, options);
    const text = await readFile(join(damaged, 'model.json'), 'utf8');
    await writeFile(join(damaged, 'model.json'), text.slice(0, text.length / 2));

    const error = await caught(() => readModelFolder(damaged));
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.location.file).toBe(join(damaged, 'model.json'));
    expect(error.hint).toMatch(/train step/);
  });

  it('refuses a model.json whose variances do not fit its features, naming the field', async () => {
    const damaged = join(root, 'reshaped');
    const narrowed = { ...model, var: model.var.map((row) => row.slice(1)) };
    await writeModelFolder(damaged, narrowed, options);

    const error = await caught(() => readModelFolder(damaged));
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.location.field).toBe('var');
  });

  it('refuses a folder without MLmodel', async () => {
    const error = await caught(() => readModelFolder(join(root, 'missing')));
    expect(error.location.file).toBe(join(root, 'missing', 'MLmodel'));
  });
});

describe('the MLmodel document', () => {
  it('writes times the way MLflow prints them, with microseconds', () => {
    expect(formatMlflowTimestamp(new Date(Date.UTC(2023, 0, 2, 3, 4, 5, 6)))).toBe(
      '2023-01-02 03:04:05.006000',
    );
  });

  it('gets a fresh 32-digit uuid when none is given, and leaves run_id out without a run', () => {
    const document = buildMlmodel(model, { artifactPath: 'model' });
    expect(document.model_uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(document).not.toHaveProperty('run_id');
  });
});
