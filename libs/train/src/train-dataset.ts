// The train step: fit on train.csv, score on test.csv, draw the confusion matrix, save the model,
// and log it all as one MLflow run that ends FINISHED, or FAILED if anything went wrong.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withStagedDirectory } from '@pipeline/atomic-fs';
import { formatDuration, type Logger } from '@pipeline/cli';
import { isPipelineError } from '@pipeline/errors';
import { resolveTrackingBackend, trackWithRun } from '@pipeline/tracking';
import { evaluateModel } from './evaluate-model.ts';
import { checkModelChoice, fitModel, type ModelChoice } from './fit-model.ts';
import { readPreparedSchema } from './prepared-schema.ts';
import { runInputs, runMetrics, runParams } from './run-record.ts';
import { runTags } from './run-tags.ts';
import { MODEL_ARTIFACT_PATH, writeTrainOutputs } from './write-train-outputs.ts';

/** Recorded as mlflow.source.name: the program that logged the run. */
const TRAIN_SOURCE = 'apps/train/src/cli.ts';

export interface TrainRequest {
  dataset: string;
  preparedDir: string;
  outputDir: string;
  experimentName: string;
  sourceUrl: string;
  model: ModelChoice;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
}

export interface TrainResult {
  runId: string;
  accuracy: number;
}

/** Fits, scores and logs one dataset; every error names the dataset it belongs to. */
export async function trainDataset(request: TrainRequest): Promise<TrainResult> {
  try {
    return await trainAndLog(request);
  } catch (error) {
    throw isPipelineError(error) ? error.withLocation({ dataset: request.dataset }) : error;
  }
}

async function trainAndLog(request: TrainRequest): Promise<TrainResult> {
  const { dataset, preparedDir, log } = request;
  checkModelChoice(request.model, dataset);
  const schema = await readPreparedSchema(preparedDir, dataset);
  const backend = resolveTrackingBackend(request.env, request.cwd, log.warn);
  const experimentName = request.env.MLFLOW_EXPERIMENT_NAME || request.experimentName;
  const runName = `${dataset}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const tags = runTags(dataset, schema.input.sha256, request.env);
  return withStagedDirectory(request.outputDir, (staged) =>
    trackWithRun(
      backend,
      { experimentName, runName, tags, sourceName: TRAIN_SOURCE, warn: log.warn },
      async (run) => {
        log.info(`run ${run.runId} in '${experimentName}' at ${backend.displayUri}`);
        const started = performance.now();
        const model = await fitModel(preparedDir, schema, request.model);
        const metrics = await evaluateModel(preparedDir, schema, model);
        log.info(
          `fitted on ${schema.rows.train} rows, test accuracy ${metrics.accuracy.toFixed(4)}` +
            ` on ${schema.rows.test} rows (${formatDuration(started)})`,
        );
        const files = await writeTrainOutputs(staged, dataset, run.runId, model, metrics);
        const context = { dataset, sourceUrl: request.sourceUrl, schema, model: request.model };
        await run.logParams(runParams(context));
        await run.logMetricPoints(runMetrics(metrics, schema, Date.now()));
        await run.logInputs(runInputs(context));
        await run.logArtifactFile(files.svgFile, 'plots');
        await run.logArtifactFile(files.pngFile, 'plots');
        await run.logArtifactFile(files.metricsFile);
        await run.logModel(files.modelDir, MODEL_ARTIFACT_PATH, { ...files.mlmodel });
        const record = {
          runId: run.runId,
          experimentId: run.experimentId,
          experimentName,
          trackingUri: backend.displayUri,
          artifactUri: run.artifactUri,
        };
        await writeFile(join(staged, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
        log.info(`logged params, ${metrics.perClass.length * 3 + 6} metrics, plots and model`);
        return { runId: run.runId, accuracy: metrics.accuracy };
      },
    ),
  );
}
