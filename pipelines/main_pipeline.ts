// The datasets pipeline on Kubeflow Pipelines: ingest -> prepare -> train, one container per
// step, each running the same step CLI as the Nx targets. Running this file compiles it:
//   npx tsx pipelines/main_pipeline.ts [--dataset iris]   (or: npx nx run pipelines:compile)
import { realpathSync } from 'node:fs';
import { runCli } from '@pipeline/cli';
import {
  CONFUSION_MATRIX_ARTIFACT,
  CONFUSION_MATRIX_ARTIFACT_TYPE,
  METRICS_ARTIFACT,
  METRICS_ARTIFACT_TYPE,
} from '@pipeline/kubeflow-outputs';
import { STEP_OPTIONS, type DatasetEntry, type StepName } from '@pipeline/registry';
import {
  artifactFrom,
  constant,
  executorInput,
  outputArtifact,
  parameter,
  type OptionBinding,
  type PipelineDefinition,
  type PipelineStep,
} from './src/build/pipeline-definition.ts';
import { stepCommand } from './src/build/step-command.ts';
import { createCompileCli, type PipelineSettings } from './src/compile-cli.ts';
import { runParameters } from './src/run-parameters.ts';

const DATASET = 'system.Dataset';
const MODEL = 'system.Model';

/**
 * The entry's settings that are no run parameter (split.stratify, model.params, the csv reading
 * options) are fixed at compile time, with the very values the Nx target passes for the step.
 */
function withEntrySettings(
  step: StepName,
  entry: DatasetEntry | undefined,
  bound: Record<string, OptionBinding>,
): Record<string, OptionBinding> {
  const settings = entry === undefined ? {} : STEP_OPTIONS[step](entry);
  const fixed = Object.entries(settings).filter(([flag]) => !(flag in bound));
  return { ...bound, ...Object.fromEntries(fixed.map(([flag, value]) => [flag, constant(value)])) };
}

function ingestStep({ entry, images }: PipelineSettings): PipelineStep {
  const options = withEntrySettings('ingest', entry, {
    dataset: parameter('dataset_name'),
    url: parameter('data_url'),
    sha256: parameter('sha256'),
    'output-dir': outputArtifact('raw', DATASET),
  });
  return { name: 'ingest', image: images.ingest, command: stepCommand('ingest'), options };
}

function prepareStep({ entry, images }: PipelineSettings): PipelineStep {
  const options = withEntrySettings('prepare', entry, {
    dataset: parameter('dataset_name'),
    'dataset-type': parameter('dataset_type'),
    'target-column': parameter('target_column'),
    'test-size': parameter('test_size'),
    seed: parameter('seed'),
    'raw-dir': artifactFrom('ingest', 'raw', DATASET),
    'output-dir': outputArtifact('prepared', DATASET),
  });
  return { name: 'prepare', image: images.prepare, command: stepCommand('prepare'), options };
}

function trainStep({ entry, images }: PipelineSettings): PipelineStep {
  const options = withEntrySettings('train', entry, {
    dataset: parameter('dataset_name'),
    'source-url': parameter('data_url'),
    'experiment-name': parameter('experiment_name'),
    'model-type': parameter('model_type'),
    'tracking-uri': parameter('mlflow_tracking_uri'),
    'prepared-dir': artifactFrom('prepare', 'prepared', DATASET),
    'output-dir': outputArtifact('model', MODEL),
    'kfp-executor-input': executorInput(),
  });
  const publishes = [
    { name: METRICS_ARTIFACT, schemaTitle: METRICS_ARTIFACT_TYPE },
    { name: CONFUSION_MATRIX_ARTIFACT, schemaTitle: CONFUSION_MATRIX_ARTIFACT_TYPE },
  ];
  return { name: 'train', image: images.train, command: stepCommand('train'), options, publishes };
}

export function datasetsPipeline(settings: PipelineSettings): PipelineDefinition {
  const { entry } = settings;
  return {
    name: entry === undefined ? 'datasets-pipeline' : `${entry.name.replaceAll('_', '-')}-pipeline`,
    description:
      'Fetch a raw dataset, split it into train and test, fit and evaluate a classifier, ' +
      'and log the run to MLflow.',
    parameters: runParameters(entry, settings.trackingUri),
    steps: [ingestStep(settings), prepareStep(settings), trainStep(settings)],
  };
}

// Tests import the definition; only running this file compiles it.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === import.meta.filename) {
  await runCli(createCompileCli(datasetsPipeline));
}
