export { loadRegistry, requireEntry } from './load-registry.ts';
export type { Registry } from './load-registry.ts';
export { DATASET_NAME_PATTERN, defaultExperimentName } from './dataset-entry.ts';
export type { DatasetEntry } from './dataset-entry.ts';
export { problemsToError, describeProblem } from './registry-problem.ts';
export type { RegistryProblem } from './registry-problem.ts';
export {
  STEP_NAMES,
  STEP_OPTIONS,
  ingestOptions,
  prepareOptions,
  trainOptions,
} from './step-options.ts';
export type { StepName, StepOptions } from './step-options.ts';
export { MODEL_TYPES } from './entry-schema.ts';
