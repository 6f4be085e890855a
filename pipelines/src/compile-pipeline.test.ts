// The compiled pipeline for every registered dataset: a valid KFP v2 spec whose run parameters
// default to the entry, whose steps pass data as typed artifacts, guarded by a golden file.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadRegistry, requireEntry } from '@pipeline/registry';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from './compile-cli.ts';
import { loadStepImages } from './images/step-images.ts';
import { formatSpecProblems } from './spec/spec-problem.ts';
import { validatePipelineYaml } from './spec/validate-pipeline-spec.ts';
import {
  compileEveryEntry,
  compileFor,
  IMAGES_FILE,
  REGISTRY_FILE,
} from './testing/compiled-specs.ts';
import { writeCsvRegistry } from './testing/csv-registry.ts';

const run = promisify(execFile);

function rootParameters(dataset: string | undefined) {
  return compileFor(dataset).spec.root!.inputDefinitions!.parameters!;
}

describe('compiling the pipeline', () => {
  it.each(compileEveryEntry().map((compiled) => [compiled.dataset ?? '(no dataset)', compiled]))(
    'gives a spec the strict validator accepts for %s',
    (_name, compiled) => {
      const validation = validatePipelineYaml(compiled.yaml);
      expect(validation.ok, validation.ok ? '' : formatSpecProblems(validation.problems)).toBe(
        true,
      );
    },
  );

  it('keeps the iris spec equal to its golden file', async () => {
    await expect(compileFor('iris').yaml).toMatchFileSnapshot('./golden/iris-pipeline.yaml');
  });

  it("fills every run parameter's default from the dataset's entry", () => {
    const entry = requireEntry(loadRegistry(REGISTRY_FILE), 'iris');
    const defaults = Object.fromEntries(
      Object.entries(rootParameters('iris')).map(([name, spec]) => [name, spec.defaultValue]),
    );
    expect(defaults).toEqual({
      dataset_name: 'iris',
      data_url: entry.url,
      dataset_type: 'iris',
      target_column: 'species',
      experiment_name: 'Iris Classification',
      sha256: entry.sha256,
      test_size: entry.split.testSize,
      seed: entry.split.seed,
      model_type: entry.model.type,
      mlflow_tracking_uri: '',
    });
    expect(entry.url).toMatch(/^https:\/\/archive\.ics\.uci\.edu\/.*iris\.data$/);
  });

  it('leaves the run parameters for the user to supply when compiled for no dataset', () => {
    const parameters = rootParameters(undefined);
    expect(Object.keys(parameters).sort()).toEqual([
      'data_url',
      'dataset_name',
      'dataset_type',
      'experiment_name',
      'mlflow_tracking_uri',
      'model_type',
      'seed',
      'sha256',
      'target_column',
      'test_size',
    ]);
    for (const spec of Object.values(parameters)) {
      expect(spec).not.toHaveProperty('defaultValue');
      expect(spec.isOptional).toBeUndefined();
    }
  });

  it("fixes the entry's other settings as constants, valued as the Nx target's", async () => {
    const registryFile = await writeCsvRegistry();
    try {
      const { spec } = compileFor('penguins', registryFile);
      const constants = (task: string) =>
        Object.fromEntries(
          Object.entries(spec.root!.dag!.tasks![task]!.inputs!.parameters!)
            .filter(([, input]) => input.runtimeValue !== undefined)
            .map(([name, input]) => [name, input.runtimeValue!.constant]),
        );
      expect(constants('prepare')).toEqual({
        header: false,
        columns: 'bill,flipper,mass,species',
        delimiter: ';',
        stratify: false,
      });
      expect(constants('train')).toEqual({ model_params: '{"var_smoothing":0.001}' });
      expect(constants('ingest')).toEqual({});
      expect(spec.root!.inputDefinitions!.parameters!.test_size!.defaultValue).toBe(25);
    } finally {
      await rm(dirname(registryFile), { recursive: true, force: true });
    }
  });

  it('runs ingest -> prepare -> train, passing data as typed artifacts with caching on', () => {
    const { spec } = compileFor('wine');
    const tasks = spec.root!.dag!.tasks!;
    expect(tasks.prepare!.inputs!.artifacts!.raw!.taskOutputArtifact).toEqual({
      producerTask: 'ingest',
      outputArtifactKey: 'raw',
    });
    expect(tasks.train!.inputs!.artifacts!.prepared!.taskOutputArtifact!.producerTask).toBe(
      'prepare',
    );
    expect(tasks.train!.dependentTasks).toEqual(['prepare']);
    const outputs = (component: string) =>
      Object.fromEntries(
        Object.entries(spec.components![component]!.outputDefinitions!.artifacts!).map(
          ([name, artifact]) => [name, artifact.artifactType!.schemaTitle],
        ),
      );
    expect(outputs('comp-ingest')).toEqual({ raw: 'system.Dataset' });
    expect(outputs('comp-prepare')).toEqual({ prepared: 'system.Dataset' });
    expect(outputs('comp-train')).toEqual({
      model: 'system.Model',
      metrics: 'system.Metrics',
      confusion_matrix: 'system.ClassificationMetrics',
    });
    for (const task of Object.values(tasks))
      expect(task.cachingOptions).toEqual({ enableCache: true });
  });

  it('takes every container image from infra/images.yaml', () => {
    const images = loadStepImages(IMAGES_FILE);
    const executors = compileFor('iris').spec.deploymentSpec!.executors!;
    expect(executors['exec-ingest']!.container!.image).toBe(images.ingest);
    expect(executors['exec-prepare']!.container!.image).toBe(images.prepare);
    expect(executors['exec-train']!.container!.image).toBe(images.train);
  });
});

describe('npx tsx pipelines/main_pipeline.ts', () => {
  it('writes the same pipeline.yaml as the compiler in this process', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pipeline-yaml-'));
    try {
      const output = join(folder, 'pipeline.yaml');
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'pipelines/main_pipeline.ts', '--dataset', 'wine', '--output', output],
        { cwd: WORKSPACE_ROOT },
      );
      expect(stdout).toMatch(/^\[compile wine\] wrote .*pipeline\.yaml: 3 tasks, spec valid$/m);
      expect(await readFile(output, 'utf8')).toBe(compileFor('wine').yaml);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names an unregistered dataset and the registered ones, and writes nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pipeline-yaml-'));
    try {
      const output = join(folder, 'pipeline.yaml');
      const args = [
        '--import',
        'tsx',
        'pipelines/main_pipeline.ts',
        '--dataset',
        'penguins',
        '--output',
        output,
      ];
      const failed: { code?: number; stderr?: string } = await run(process.execPath, args, {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, DEBUG: '' },
      }).catch((error) => error);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/DATASET_NOT_REGISTERED.*penguins/);
      expect(failed.stderr).toContain(loadRegistry(REGISTRY_FILE).names.join(', '));
      expect(existsSync(output)).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
