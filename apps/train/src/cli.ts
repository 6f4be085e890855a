// CLI: the train step. Nx passes --options-file; Kubeflow passes the same options as flags.
import {
  createLogger,
  isEntryPoint,
  optionalString,
  requiredString,
  runCli,
  type CliDefinition,
} from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import {
  parseExecutorInput,
  publishTrainMetrics,
  TRAIN_PUBLISHED_ARTIFACTS,
} from '@pipeline/kubeflow-outputs';
import { trainDataset } from '@pipeline/train';

function parseModelParams(text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, Number(value)]));
  } catch {
    throw new PipelineError('USAGE', `--model-params must be a JSON object, got '${text}'`, {
      field: 'model-params',
      hint: 'For example --model-params \'{"var_smoothing":1e-9}\'.',
    });
  }
}

/** Kubeflow's executor input, given when the step runs as a Kubeflow executor. */
function kubeflowExecutorInput(text: string | undefined) {
  return text === undefined ? undefined : parseExecutorInput(text, TRAIN_PUBLISHED_ARTIFACTS);
}

/** --tracking-uri wins over MLFLOW_TRACKING_URI, as a Kubeflow run parameter must. */
function trackingEnv(trackingUri: string | undefined): NodeJS.ProcessEnv {
  if (trackingUri === undefined) return process.env;
  return { ...process.env, MLFLOW_TRACKING_URI: trackingUri };
}

export const trainCli: CliDefinition = {
  name: 'train',
  summary: 'Fit and evaluate a classifier on prepared splits, and log the run to MLflow.',
  options: {
    dataset: { type: 'string' },
    'prepared-dir': { type: 'string' },
    'output-dir': { type: 'string' },
    'experiment-name': { type: 'string' },
    'source-url': { type: 'string' },
    'model-type': { type: 'string' },
    'model-params': { type: 'string' },
    'tracking-uri': { type: 'string' },
    'kfp-executor-input': { type: 'string' },
  },
  async run(values) {
    const dataset = requiredString(values, 'dataset');
    const outputDir = requiredString(values, 'output-dir');
    const kubeflow = kubeflowExecutorInput(optionalString(values, 'kfp-executor-input'));
    await trainDataset({
      dataset,
      preparedDir: requiredString(values, 'prepared-dir'),
      outputDir,
      experimentName: requiredString(values, 'experiment-name'),
      sourceUrl: optionalString(values, 'source-url') ?? '',
      model: {
        type: optionalString(values, 'model-type') ?? 'gaussian_nb',
        params: parseModelParams(optionalString(values, 'model-params')),
      },
      env: trackingEnv(optionalString(values, 'tracking-uri')),
      cwd: process.cwd(),
      log: createLogger(`train ${dataset}`),
    });
    if (kubeflow !== undefined) await publishTrainMetrics(kubeflow, outputDir);
  },
};

// The Kubeflow tests import this module for its options; only running the file starts the step.
if (isEntryPoint(import.meta.filename)) {
  await runCli(trainCli);
}
