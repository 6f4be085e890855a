// What a training run logs to MLflow: params, metrics and the datasets it used.
import type { ClassificationMetrics } from '@pipeline/models';
import type { DatasetInput, MetricPoint } from '@pipeline/tracking';
import type { ModelChoice } from './fit-model.ts';
import type { PreparedSchema } from './prepared-schema.ts';

export interface RunContext {
  dataset: string;
  sourceUrl: string;
  schema: PreparedSchema;
  model: ModelChoice;
}

export function runParams(context: RunContext): Record<string, string> {
  const { schema, model } = context;
  const params: Record<string, string> = {
    dataset: context.dataset,
    dataset_type: schema.datasetType,
    source_url: context.sourceUrl,
    dataset_sha256: schema.input.sha256,
    target_column: schema.targetColumn,
    n_features: String(schema.features.length),
    n_classes: String(schema.classes.length),
    split_test_size: String(schema.split.testSize),
    split_seed: String(schema.split.seed),
    split_stratify: String(schema.split.stratify),
    model_type: model.type,
  };
  for (const [key, value] of Object.entries(model.params)) params[`model_${key}`] = String(value);
  return params;
}

/** MLflow metric keys allow letters, digits, `_ - . / ` and space; other characters become `_`. */
export function metricKeyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_\-. /]/g, '_');
}

export function runMetrics(
  metrics: ClassificationMetrics,
  schema: PreparedSchema,
  timestamp: number,
): MetricPoint[] {
  const values: Record<string, number> = {
    accuracy: metrics.accuracy,
    precision_macro: metrics.macroPrecision,
    recall_macro: metrics.macroRecall,
    f1_macro: metrics.macroF1,
    train_rows: schema.rows.train,
    test_rows: schema.rows.test,
  };
  for (const scores of metrics.perClass) {
    const label = metricKeyPart(scores.label);
    values[`precision_${label}`] = scores.precision;
    values[`recall_${label}`] = scores.recall;
    values[`f1_${label}`] = scores.f1;
  }
  return Object.entries(values).map(([key, value]) => ({ key, value, timestamp, step: 0 }));
}

function splitInput(context: RunContext, split: 'train' | 'test'): DatasetInput {
  const { schema } = context;
  const rows = schema.rows[split];
  return {
    name: `${context.dataset}-${split}`,
    digest: schema.input.sha256.slice(0, 36),
    sourceType: /^https?:/.test(context.sourceUrl) ? 'http' : 'local',
    source: { url: context.sourceUrl },
    schema: [
      ...schema.features.map((name) => ({ name, type: 'double' as const })),
      { name: schema.targetColumn, type: 'long' as const },
    ],
    profile: {
      num_rows: rows,
      num_features: schema.features.length,
      num_classes: schema.classes.length,
      class_counts: Object.fromEntries(
        schema.classes.map((name, index) => [name, schema.classCounts[split][index]]),
      ),
    },
    context: split === 'train' ? 'training' : 'evaluation',
  };
}

export function runInputs(context: RunContext): DatasetInput[] {
  return [splitInput(context, 'train'), splitInput(context, 'test')];
}
