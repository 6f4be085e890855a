// CLI: the train step. Nx passes --options-file; Kubeflow passes the same options as flags.
import { createLogger, optionalString, requiredString, runCli } from '@pipeline/cli';
import { PipelineError } from '@pipeline/errors';
import { trainDataset } from '@pipeline/train';

function parseModelParams(text: string | undefined): Record<string, number> {
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, Number(value)]));
  } catch {
    throw new PipelineError('USAGE', `--model-params must be a JSON object, got '${text}'`, {
      field: 'model-params', hint: 'For example --model-params \'{"var_smoothing":1e-9}\'.',
    });
  }
}

await runCli({
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
  },
  async run(values) {
    const dataset = requiredString(values, 'dataset');
    await trainDataset({
      dataset,
      preparedDir: requiredString(values, 'prepared-dir'),
      outputDir: requiredString(values, 'output-dir'),
      experimentName: requiredString(values, 'experiment-name'),
      sourceUrl: optionalString(values, 'source-url') ?? '',
      model: {
        type: optionalString(values, 'model-type') ?? 'gaussian_nb',
        params: parseModelParams(optionalString(values, 'model-params')),
      },
      env: process.env,
      cwd: process.cwd(),
      log: createLogger(`train ${dataset}`),
    });
  },
});
