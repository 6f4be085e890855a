// The arguments each Kubeflow executor passes are exactly options of its step's CLI, parsed by
// the CLI's own option definitions, and carry the same values the Nx target passes the step.
import { parseCliArgs, type CliDefinition, type OptionValues } from '@pipeline/cli';
import { isPipelineError } from '@pipeline/errors';
import {
  loadRegistry,
  requireEntry,
  STEP_OPTIONS,
  type StepName,
  type StepOptions,
} from '@pipeline/registry';
import { describe, expect, it } from 'vitest';
import { ingestCli } from '../../apps/ingest/src/cli.ts';
import { prepareCli } from '../../apps/prepare/src/cli.ts';
import { trainCli } from '../../apps/train/src/cli.ts';
import {
  ingestTarget,
  prepareTarget,
  trainTarget,
} from '../../tools/nx-plugin/src/step-targets.ts';
import { stepCommand } from './build/step-command.ts';
import { compileFor, REGISTRY_FILE } from './testing/compiled-specs.ts';
import { executorOf, renderTaskArgs } from './testing/kubeflow-launcher.ts';

const STEPS: { step: StepName; cli: CliDefinition; nxCommand: string }[] = [
  { step: 'ingest', cli: ingestCli, nxCommand: ingestTarget('iris', true).command! },
  { step: 'prepare', cli: prepareCli, nxCommand: prepareTarget('iris').command! },
  { step: 'train', cli: trainCli, nxCommand: trainTarget('iris').command! },
];

/** Options only Kubeflow passes: folders of artifacts, and what a Kubeflow run adds. */
const KUBEFLOW_ONLY: Record<StepName, string[]> = {
  ingest: ['output-dir'],
  prepare: ['raw-dir', 'output-dir'],
  train: ['prepared-dir', 'output-dir', 'tracking-uri', 'kfp-executor-input'],
};

const ARTIFACT_PATHS = { raw: '/kfp/raw', prepared: '/kfp/prepared', model: '/kfp/model' };

/** Values as the step reads them: an options file's true and a flag's 'true' are one value. */
function comparable(values: OptionValues | StepOptions): Record<string, string> {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

const DATASETS = loadRegistry(REGISTRY_FILE).names;

describe.each(DATASETS)('the executors compiled for %s', (dataset) => {
  const { spec } = compileFor(dataset);
  const entry = requireEntry(loadRegistry(REGISTRY_FILE), dataset);

  it.each(STEPS)('start the $step CLI that the Nx target runs bundled', ({ step, nxCommand }) => {
    expect(executorOf(spec, step)!.command).toEqual(stepCommand(step));
    expect(stepCommand(step).at(-1)).toBe(`apps/${step}/src/cli.ts`);
    expect(nxCommand.startsWith(`node dist/steps/${step}.mjs `)).toBe(true);
  });

  it.each(STEPS)('pass $step options its CLI defines, each once', async ({ step, cli }) => {
    const args = renderTaskArgs(spec, step, { artifactPaths: ARTIFACT_PATHS, executorInput: '{}' });
    const flags = args.filter((_, index) => index % 2 === 0);
    expect(new Set(flags).size).toBe(flags.length);
    expect(flags.every((flag) => flag.startsWith('--') && flag.slice(2) in cli.options)).toBe(true);
    await expect(parseCliArgs(cli, args)).resolves.toBeDefined();
  });

  it.each(STEPS)('give $step the values its Nx options file holds', async ({ step, cli }) => {
    const args = renderTaskArgs(spec, step, { artifactPaths: ARTIFACT_PATHS, executorInput: '{}' });
    const parsed = await parseCliArgs(cli, args);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(KUBEFLOW_ONLY[step]));
    const fromKubeflow = comparable(parsed);
    const shared = Object.keys(fromKubeflow).filter((flag) => !KUBEFLOW_ONLY[step].includes(flag));
    const sharedValues = Object.fromEntries(shared.map((flag) => [flag, fromKubeflow[flag]]));
    expect(sharedValues).toEqual(comparable(STEP_OPTIONS[step](entry)));
  });
});

describe('the executors compiled for no dataset', () => {
  it.each(STEPS)('pass $step options its CLI accepts', async ({ step, cli }) => {
    const runValues = {
      dataset_name: 'penguins',
      data_url: 'https://example.invalid/penguins.csv',
      dataset_type: 'csv',
      target_column: 'species',
      experiment_name: 'Penguins',
      sha256: '',
      test_size: 0.25,
      seed: 1,
      model_type: 'gaussian_nb',
      mlflow_tracking_uri: '',
    };
    const { spec } = compileFor(undefined);
    const args = renderTaskArgs(spec, step, { runValues, artifactPaths: ARTIFACT_PATHS });
    const values = await parseCliArgs(cli, args);
    expect(values.dataset).toBe('penguins');
  });
});

describe("a step CLI's option definitions", () => {
  it('reject an option the CLI does not define, so the checks above can fail', async () => {
    const args = ['--dataset', 'iris', '--retry', '3'];
    const failure = await parseCliArgs(ingestCli, args).catch((error: unknown) => error);
    expect(isPipelineError(failure) && failure.code).toBe('USAGE');
  });
});
