// Each step's hash holds exactly what can change its result: edits re-run only what they touch.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '@pipeline/test-support';
import { taskOutcomes } from './task-outcomes.ts';

let workspace: TempWorkspace;

/** Every task that ran rather than came from the cache. */
async function tasksRun(env: Record<string, string> = {}): Promise<string[]> {
  const result = await workspace.nx(['run-many', '-t', 'train'], env);
  expect(result.code, result.output).toBe(0);
  return taskOutcomes(result.output).executed;
}

const isStep = (task: string) => /^[a-z0-9_-]+:(ingest|prepare|train)$/.test(task);

/** The ingest/prepare/train tasks that ran; config tasks are a cheap check of the whole file. */
async function stepsRun(env: Record<string, string> = {}): Promise<string[]> {
  return (await tasksRun(env)).filter(isStep);
}

async function editRegistry(edit: (text: string) => string) {
  const file = join(workspace.root, 'datasets.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

/** Replaces the first match after wine's entry starts, so only wine changes. */
function inWine(text: string, from: string, to: string): string {
  const start = text.indexOf('\n  wine:');
  return text.slice(0, start) + text.slice(start).replace(from, to);
}

beforeAll(async () => {
  workspace = await createTempWorkspace();
  await tasksRun();
}, 300_000);

afterAll(() => workspace?.dispose());

describe('what an edit re-runs', () => {
  it('re-runs only the cheap config checks for a comment in datasets.yaml', async () => {
    await editRegistry((text) => `${text}\n# a note about the datasets\n`);
    expect(await tasksRun()).toEqual(['iris:config', 'wine:config']);
  });

  it("re-runs only wine's prepare and train when wine's split seed changes", async () => {
    await editRegistry((text) => inWine(text, 'seed: 42', 'seed: 7'));
    expect(await stepsRun()).toEqual(['wine:prepare', 'wine:train']);
  });

  it("re-runs only wine's train when wine's model parameter changes", async () => {
    await editRegistry((text) => inWine(text, 'var_smoothing: 1.0e-9', 'var_smoothing: 1.0e-8'));
    expect(await stepsRun()).toEqual(['wine:train']);
  });

  it("re-runs only wine's train when wine's experiment name changes", async () => {
    await editRegistry((text) => inWine(text, 'Wine Classification', 'Wine Trials'));
    expect(await stepsRun()).toEqual(['wine:train']);
  });

  it('re-runs only the train steps when MLFLOW_TRACKING_URI changes', async () => {
    const uri = `file://${workspace.root}/other-mlruns`;
    expect(await stepsRun({ MLFLOW_TRACKING_URI: uri })).toEqual(['iris:train', 'wine:train']);
  });

  it('re-runs the train steps, and only them, when the model code changes', async () => {
    const file = join(workspace.root, 'libs/models/src/gaussian-nb/gaussian-nb-predict.ts');
    await writeFile(file, `${await readFile(file, 'utf8')}\n// a harmless edit\n`);
    const ran = await tasksRun();
    expect(ran).toContain('@pipeline/step-bundles:bundle');
    expect(ran.filter(isStep)).toEqual(['iris:train', 'wine:train']);
  });
});
