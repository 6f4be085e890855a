// The step CLIs run standalone the way the Kubeflow executors start them: in each image's file
// layout, with the compiled executor arguments on local paths. Their outputs match what the Nx
// targets produce from the same entry, and the Nx compile target is cached.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createTempWorkspace,
  isolatedEnv,
  type NxResult,
  type TempWorkspace,
} from '@pipeline/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskOutcomes } from '../../../tools/e2e/src/task-outcomes.ts';
import { compileFor } from '../testing/compiled-specs.ts';
import { renderTaskArgs, type TaskRun } from '../testing/kubeflow-launcher.ts';
import { validatePipelineYaml } from '../spec/validate-pipeline-spec.ts';
import { entrypointOf, stageChain } from './dockerfile.ts';
import { layOutTarget, readInfraDockerfile } from './image-layout.ts';

const run = promisify(execFile);
const STEPS = ['ingest', 'prepare', 'train'] as const;

let workspace: TempWorkspace;
let nxTrain: NxResult;
let runDir: string;
const imageRoots: string[] = [];
const stepRuns: Record<string, { stdout: string; stderr: string }> = {};

/** An executor input as Kubeflow's launcher hands it to the train task. */
function trainExecutorInput(): string {
  const artifact = (name: string) => ({
    artifacts: [{ name, uri: `file://${join(runDir, name)}` }],
  });
  return JSON.stringify({
    outputs: {
      artifacts: {
        model: artifact('model'),
        metrics: artifact('metrics'),
        confusion_matrix: artifact('confusion_matrix'),
      },
      outputFile: join(runDir, 'kfp_outputs', 'output_metadata.json'),
    },
  });
}

async function runStepInImage(step: (typeof STEPS)[number], taskRun: TaskRun) {
  const chain = stageChain(readInfraDockerfile(), step);
  const { root, workdir } = await layOutTarget(step, chain);
  imageRoots.push(root);
  const [, ...nodeArgs] = entrypointOf(chain)!;
  const args = renderTaskArgs(compileFor('iris').spec, step, taskRun);
  // MLFLOW_TRACKING_URI points elsewhere: the run parameter must win.
  const env = isolatedEnv({ MLFLOW_TRACKING_URI: join(runDir, 'not-this-store') });
  stepRuns[step] = await run(process.execPath, [...nodeArgs, ...args], { cwd: workdir, env });
}

beforeAll(async () => {
  workspace = await createTempWorkspace();
  nxTrain = await workspace.nx(['run', 'iris:train']);
  runDir = await mkdtemp(join(tmpdir(), 'kubeflow-run-'));
  const taskRun: TaskRun = {
    runValues: { mlflow_tracking_uri: `file://${join(runDir, 'mlruns')}` },
    artifactPaths: {
      raw: join(runDir, 'raw'),
      prepared: join(runDir, 'prepared'),
      model: join(runDir, 'model'),
    },
    executorInput: trainExecutorInput(),
  };
  for (const step of STEPS) await runStepInImage(step, taskRun);
}, 300_000);

afterAll(async () => {
  await workspace?.dispose();
  await rm(runDir, { recursive: true, force: true });
  await Promise.all(imageRoots.map((root) => rm(root, { recursive: true, force: true })));
});

const fromNx = (path: string) => readFile(join(workspace.root, 'output', 'iris', path));
const fromKubeflow = (path: string) => readFile(join(runDir, path));

describe('the step CLIs run with the executor arguments of the iris pipeline', () => {
  it('run every step of the Nx targets for comparison', () => {
    expect(nxTrain.code, nxTrain.output).toBe(0);
  });

  it('ingest the same raw file, from the copy vendored into the image', async () => {
    expect(await fromKubeflow('raw/raw.data')).toEqual(await fromNx('ingest/raw.data'));
    const metadata = JSON.parse(await readFile(join(runDir, 'raw', 'raw.json'), 'utf8'));
    expect(metadata.origin).toBe('vendor');
  });

  it.each(['train.csv', 'test.csv', 'schema.json'])(
    'prepare %s byte for byte as Nx does',
    async (file) => {
      expect((await fromKubeflow(`prepared/${file}`)).equals(await fromNx(`prepare/${file}`))).toBe(
        true,
      );
    },
  );

  it.each(['model/model.json', 'metrics.json'])('train the same %s', async (file) => {
    expect((await fromKubeflow(`model/${file}`)).equals(await fromNx(`train/${file}`))).toBe(true);
  });

  it('log the run to the tracking URI of the run parameter, not the environment', async () => {
    const record = JSON.parse(await readFile(join(runDir, 'model', 'run.json'), 'utf8'));
    expect(record.trackingUri).toBe(`file://${join(runDir, 'mlruns')}`);
    expect(existsSync(join(runDir, 'mlruns', record.experimentId, record.runId))).toBe(true);
    expect(existsSync(join(runDir, 'not-this-store'))).toBe(false);
  });

  it('report the metrics and confusion matrix to Kubeflow as train computed them', async () => {
    const metrics = JSON.parse((await fromKubeflow('model/metrics.json')).toString());
    const output = JSON.parse((await fromKubeflow('kfp_outputs/output_metadata.json')).toString());
    expect(output.artifacts.metrics.artifacts[0].metadata.accuracy).toBe(metrics.accuracy);
    const matrix = output.artifacts.confusion_matrix.artifacts[0].metadata.confusionMatrix;
    expect(matrix.rows.map((row: { row: number[] }) => row.row)).toEqual(metrics.confusion);
    expect(matrix.annotationSpecs).toHaveLength(3);
  });
});

describe('npx nx run pipelines:compile --dataset iris', () => {
  it('writes a valid pipeline.yaml, and takes it from the cache the second time', async () => {
    const first = await workspace.nx(['run', 'pipelines:compile', '--dataset', 'iris']);
    expect(first.code, first.output).toBe(0);
    const yaml = await readFile(join(workspace.root, 'pipelines', 'pipeline.yaml'), 'utf8');
    expect(validatePipelineYaml(yaml).ok).toBe(true);
    expect(yaml).toBe(compileFor('iris').yaml);
    const second = await workspace.nx(['run', 'pipelines:compile', '--dataset', 'iris']);
    expect(second.code, second.output).toBe(0);
    expect(taskOutcomes(second.output).cached).toEqual(['pipelines:compile']);
  });
});
