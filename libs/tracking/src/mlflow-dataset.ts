// A dataset input in MLflow's stored form: source, schema and profile become JSON strings, the
// same text for the file store's meta.yaml and the REST API's log-inputs body.
import { PipelineError } from '@pipeline/errors';
import { toPythonJson } from './python-formatting.ts';
import { MLFLOW_TAGS, type DatasetInput } from './tracking-backend.ts';

const MAX_DIGEST_LENGTH = 36;
const MAX_NAME_LENGTH = 500;

export interface MlflowDataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface MlflowDatasetInput {
  dataset: MlflowDataset;
  tags: Record<string, string>;
}

function describeProblem(input: DatasetInput): string | undefined {
  if (input.name === '' || input.name.length > MAX_NAME_LENGTH) {
    return `a name of 1 to ${MAX_NAME_LENGTH} characters`;
  }
  if (input.digest === '' || input.digest.length > MAX_DIGEST_LENGTH) {
    return `a digest of 1 to ${MAX_DIGEST_LENGTH} characters`;
  }
  return undefined;
}

function assertStorable(input: DatasetInput): void {
  const problem = describeProblem(input);
  if (problem === undefined) return;
  throw new PipelineError('TRACKING_FAILED', `an MLflow dataset input needs ${problem}`, {
    dataset: input.name,
    hint: 'This is a bug in the step that logs the dataset; please report it.',
  });
}

export function toMlflowDatasetInput(input: DatasetInput): MlflowDatasetInput {
  assertStorable(input);
  const schema = input.schema && {
    mlflow_colspec: input.schema.map((column) => ({
      type: column.type,
      name: column.name,
      required: column.required ?? true,
    })),
  };
  return {
    dataset: {
      name: input.name,
      digest: input.digest,
      source_type: input.sourceType,
      source: toPythonJson(input.source),
      schema: schema ? toPythonJson(schema) : null,
      profile: input.profile ? toPythonJson(input.profile) : null,
    },
    tags: input.context ? { [MLFLOW_TAGS.datasetContext]: input.context } : {},
  };
}
