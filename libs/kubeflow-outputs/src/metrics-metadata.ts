// Turns train's metrics.json into the artifact metadata that the Kubeflow UI draws: scalar
// metrics as a table (system.Metrics) and the confusion matrix (system.ClassificationMetrics).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PipelineError } from '@pipeline/errors';

const metricsFileShape = z.object({
  accuracy: z.number(),
  macroPrecision: z.number(),
  macroRecall: z.number(),
  macroF1: z.number(),
  perClass: z.array(z.object({ label: z.string() })).min(1),
  confusion: z.array(z.array(z.number().int().nonnegative())),
});

export type TrainMetrics = z.infer<typeof metricsFileShape>;

export async function readTrainMetrics(file: string): Promise<TrainMetrics> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new PipelineError('INVALID_INPUT', `cannot read train's metrics: ${String(cause)}`, {
      file,
      cause,
      hint: 'The train step writes metrics.json into its output folder; run it again.',
    });
  }
  const result = metricsFileShape.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new PipelineError('INVALID_INPUT', `not a train metrics file: ${issue.message}`, {
      file,
      field: issue.path.join('.'),
    });
  }
  return result.data;
}

/** The same keys as the MLflow run's summary metrics, so both UIs show the same names. */
export function scalarMetricsMetadata(metrics: TrainMetrics): Record<string, number> {
  return {
    accuracy: metrics.accuracy,
    precision_macro: metrics.macroPrecision,
    recall_macro: metrics.macroRecall,
    f1_macro: metrics.macroF1,
  };
}

/** Rows are true classes and columns predicted classes, in the order of the class list. */
export function confusionMatrixMetadata(metrics: TrainMetrics) {
  const classes = metrics.perClass.map((scores) => scores.label);
  const square =
    metrics.confusion.length === classes.length &&
    metrics.confusion.every((row) => row.length === classes.length);
  if (!square) {
    throw new PipelineError('INVALID_INPUT', 'the confusion matrix does not match the classes', {
      field: 'confusion',
      hint: `Expected ${classes.length} rows of ${classes.length} counts; run train again.`,
    });
  }
  return {
    confusionMatrix: {
      annotationSpecs: classes.map((displayName) => ({ displayName })),
      rows: metrics.confusion.map((row) => ({ row })),
    },
  };
}
