// The MLmodel document of a model folder, in the shape MLflow's Model.load (2.x and 3.x) reads.
import { randomUUID } from 'node:crypto';
import { PipelineError } from '@pipeline/errors';
import type { GaussianNbModel } from '../gaussian-nb/gaussian-nb-model.ts';

export const MLMODEL_FILE = 'MLmodel';
export const MODEL_FILE = 'model.json';
export const FLAVOR_NAME = 'gaussian_nb_json';
export const FLAVOR_FORMAT_VERSION = 1;

export interface GaussianNbFlavor {
  model_file: string;
  format_version: number;
  library: string;
}

/** mlflow_version is left out: no MLflow library wrote the folder, and Model.load allows that. */
export interface MlmodelDocument {
  artifact_path: string;
  flavors: { [FLAVOR_NAME]: GaussianNbFlavor };
  model_uuid: string;
  run_id?: string;
  /** Column specs as JSON strings, as MLflow stores them. */
  signature: { inputs: string; outputs: string; params: null };
  utc_time_created: string;
}

export interface MlmodelOptions {
  /** Where the model sits among the run's artifacts, e.g. "model". */
  artifactPath: string;
  runId?: string;
  /** 32 lowercase hex digits; a random one when left out. */
  modelUuid?: string;
  createdAt?: Date;
}

/** MLflow prints Python's naive UTC datetime: "2024-05-01 12:30:45.123000". */
export function formatMlflowTimestamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/**
 * The MLmodel content for `model`. The tracking layer also puts this into the run's
 * `mlflow.log-model.history` tag, so pass it the document writeModelFolder returned to keep the
 * same uuid and time.
 */
export function buildMlmodel(model: GaussianNbModel, options: MlmodelOptions): MlmodelDocument {
  const modelUuid = options.modelUuid ?? randomUUID().replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(modelUuid)) {
    throw new PipelineError(
      'INVALID_INPUT',
      `The model uuid '${modelUuid}' is not 32 lowercase hex digits.`,
      { field: 'modelUuid', hint: 'Leave modelUuid out to get a random one.' },
    );
  }
  return {
    artifact_path: options.artifactPath,
    flavors: {
      [FLAVOR_NAME]: {
        model_file: MODEL_FILE,
        format_version: FLAVOR_FORMAT_VERSION,
        library: '@pipeline/models',
      },
    },
    model_uuid: modelUuid,
    ...(options.runId === undefined ? {} : { run_id: options.runId }),
    signature: {
      inputs: pythonStyleJson(
        model.features.map((name) => ({ type: 'double', name, required: true })),
      ),
      outputs: pythonStyleJson([{ type: 'long', required: true }]),
      params: null,
    },
    utc_time_created: formatMlflowTimestamp(options.createdAt ?? new Date()),
  };
}

/** JSON with Python's default separators, so the text matches what MLflow itself writes. */
function pythonStyleJson(specs: Record<string, string | boolean>[]): string {
  const objects = specs.map((spec) => {
    const members = Object.entries(spec).map(
      ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    return `{${members.join(', ')}}`;
  });
  return `[${objects.join(', ')}]`;
}
