export { trainDataset } from './train-dataset.ts';
export type { TrainRequest, TrainResult } from './train-dataset.ts';
export { SUPPORTED_MODEL_TYPES } from './fit-model.ts';
export type { ModelChoice } from './fit-model.ts';
