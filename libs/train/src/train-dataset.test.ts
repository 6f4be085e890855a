import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import { prepareDataset } from '@pipeline/prepare';
import { runPythonJson, WORKSPACE_ROOT } from '@pipeline/test-support';
import { trainDataset, type TrainRequest } from './train-dataset.ts';

const quiet: Logger = { info: () => {}, warn: () => {} };

let root: string;
let preparedDir: string;

interface RunSummary {
  status: string;
  end_time: number | null;
  accuracy: number | null;
}

const READ_RUNS = `
import json, sys
from mlflow import MlflowClient
request = json.load(sys.stdin)
client = MlflowClient(tracking_uri=request["uri"])
experiment = client.get_experiment_by_name(request["experiment"])
runs = client.search_runs([experiment.experiment_id])
print(json.dumps([{"status": r.info.status, "end_time": r.info.end_time,
                   "accuracy": r.data.metrics.get("accuracy")} for r in runs]))
`;

function readRuns(store: string, experiment: string) {
  const input = { uri: `file://${store}`, experiment };
  return runPythonJson<RunSummary[]>(READ_RUNS, input, { MLFLOW_ALLOW_FILE_STORE: 'true' });
}

function request(overrides: Partial<TrainRequest>): TrainRequest {
  return {
    dataset: 'iris',
    preparedDir,
    outputDir: join(root, 'train'),
    experimentName: 'Iris Classification',
    sourceUrl: 'vendor/datasets/iris.data',
    model: { type: 'gaussian_nb', params: {} },
    env: { MLFLOW_TRACKING_URI: join(root, 'mlruns') },
    cwd: root,
    log: quiet,
    ...overrides,
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'train-'));
  preparedDir = join(root, 'prepared');
  await prepareDataset({
    dataset: 'iris',
    inputFile: join(WORKSPACE_ROOT, 'vendor/datasets/iris.data'),
    outputDir: preparedDir,
    datasetType: 'iris',
    targetColumn: 'species',
    log: quiet,
  });
});

describe('trainDataset', () => {
  it('writes the model, plots, metrics and run record, and finishes the run', async () => {
    const result = await trainDataset(request({}));
    const outputs = join(root, 'train');
    for (const file of ['model/MLmodel', 'model/model.json', 'confusion_matrix.svg']) {
      expect(existsSync(join(outputs, file)), file).toBe(true);
    }
    const png = await readFile(join(outputs, 'confusion_matrix.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const metrics = JSON.parse(await readFile(join(outputs, 'metrics.json'), 'utf8'));
    expect(metrics.total).toBe(30);
    expect(metrics.accuracy).toBe(result.accuracy);
    const record = JSON.parse(await readFile(join(outputs, 'run.json'), 'utf8'));
    expect(record.runId).toBe(result.runId);
    const runs = await readRuns(join(root, 'mlruns'), 'Iris Classification');
    expect(runs).toEqual([
      { status: 'FINISHED', end_time: expect.any(Number), accuracy: result.accuracy },
    ]);
  });

  it('marks the run FAILED and leaves no output when a prepared row is corrupt', async () => {
    const broken = join(root, 'broken');
    await prepareDataset({
      dataset: 'iris',
      inputFile: join(WORKSPACE_ROOT, 'vendor/datasets/iris.data'),
      outputDir: broken,
      datasetType: 'iris',
      targetColumn: 'species',
      log: quiet,
    });
    const testCsv = join(broken, 'test.csv');
    const lines = (await readFile(testCsv, 'utf8')).split('\n');
    lines[3] = '5.1,oops,1.4,0.2,0';
    await writeFile(testCsv, lines.join('\n'));
    const failing = trainDataset(
      request({ preparedDir: broken, outputDir: join(root, 'failed'), experimentName: 'Broken' }),
    );
    await expect(failing).rejects.toMatchObject({ code: 'INVALID_INPUT', location: { line: 4 } });
    await expect(failing).rejects.toBeInstanceOf(PipelineError);
    expect(existsSync(join(root, 'failed'))).toBe(false);
    const runs = await readRuns(join(root, 'mlruns'), 'Broken');
    expect(runs).toEqual([{ status: 'FAILED', end_time: expect.any(Number), accuracy: null }]);
  });

  it('rejects an unknown model type before creating a run', async () => {
    const unknown = trainDataset(
      request({ model: { type: 'random_forest', params: {} }, experimentName: 'Unknown model' }),
    );
    await expect(unknown).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    const experiments = await runPythonJson<string[]>(
      'import json; from mlflow import MlflowClient; import sys; uri = json.load(sys.stdin)\n' +
        'print(json.dumps([e.name for e in MlflowClient(tracking_uri=uri).search_experiments()]))',
      `file://${join(root, 'mlruns')}`,
      { MLFLOW_ALLOW_FILE_STORE: 'true' },
    );
    expect(experiments).toContain('Iris Classification');
    expect(experiments).not.toContain('Unknown model');
  });
});
