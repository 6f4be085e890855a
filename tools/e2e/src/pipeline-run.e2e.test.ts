// The real `nx` CLI on a throwaway workspace copy: from datasets.yaml to finished MLflow runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempWorkspace, type NxResult, type TempWorkspace } from '@pipeline/test-support';
import { readLatestMlflowRun } from './read-mlflow-run.ts';
import { taskOutcomes } from './task-outcomes.ts';

let workspace: TempWorkspace;
let firstRun: NxResult;

beforeAll(async () => {
  workspace = await createTempWorkspace();
  firstRun = await workspace.nx(['run-many', '-t', 'train']);
}, 300_000);

afterAll(() => workspace?.dispose());

describe('nx run-many -t train on the shipped datasets', () => {
  it('runs every step of both datasets once', () => {
    expect(firstRun.code, firstRun.output).toBe(0);
    expect(taskOutcomes(firstRun.output).executed).toEqual([
      '@pipeline/step-bundles:bundle',
      'iris:config',
      'iris:ingest',
      'iris:prepare',
      'iris:train',
      'wine:config',
      'wine:ingest',
      'wine:prepare',
      'wine:train',
    ]);
  });

  it('takes the raw files from the vendored copies, with no network', async () => {
    for (const dataset of ['iris', 'wine']) {
      const meta = JSON.parse(
        await readFile(join(workspace.root, `output/${dataset}/ingest/raw.json`), 'utf8'),
      );
      expect(meta.origin).toBe('vendor');
    }
  });

  it.each([
    ['iris', 'Iris Classification'],
    ['wine', 'Wine Classification'],
  ])('leaves a finished %s run that MLflow reads back', async (dataset, experiment) => {
    const run = await readLatestMlflowRun(`file://${workspace.root}/mlruns`, experiment);
    expect(run.status).toBe('FINISHED');
    expect(run.endTime).toBeGreaterThan(0);
    expect(run.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(run.params).toMatchObject({ dataset, model_type: 'gaussian_nb', split_seed: '42' });
    expect(run.artifacts).toEqual(
      expect.arrayContaining([
        'metrics.json',
        'model/MLmodel',
        'model/model.json',
        'plots/confusion_matrix.png',
        'plots/confusion_matrix.svg',
      ]),
    );
    expect(run.modelFlavors).toEqual(['gaussian_nb_json']);
    expect(run.modelRunId).toBe(run.runId);
    const history = JSON.parse(run.tags['mlflow.log-model.history']!);
    expect(history[0].artifact_path).toBe('model');
    expect(run.inputs.map((input) => input.context).sort()).toEqual(['evaluation', 'training']);
    const recorded = JSON.parse(
      await readFile(join(workspace.root, `output/${dataset}/train/run.json`), 'utf8'),
    );
    expect(recorded.runId).toBe(run.runId);
  });

  it('runs nothing the second time, and logs no second run', async () => {
    const again = await workspace.nx(['run-many', '-t', 'train']);
    expect(again.code, again.output).toBe(0);
    expect(taskOutcomes(again.output).executed).toEqual([]);
    const run = await readLatestMlflowRun(`file://${workspace.root}/mlruns`, 'Iris Classification');
    const recorded = JSON.parse(
      await readFile(join(workspace.root, 'output/iris/train/run.json'), 'utf8'),
    );
    expect(run.runId).toBe(recorded.runId);
  });
});
