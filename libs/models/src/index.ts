export {
  DEFAULT_VAR_SMOOTHING,
  GAUSSIAN_NB_TYPE,
  type GaussianNbModel,
} from './gaussian-nb/gaussian-nb-model.ts';
export {
  createGaussianNbFitter,
  fitGaussianNb,
  type GaussianNbFitter,
  type GaussianNbFitterOptions,
} from './gaussian-nb/gaussian-nb-fitter.ts';
export {
  jointLogLikelihood,
  predictClass,
  predictLogProba,
  predictProba,
} from './gaussian-nb/gaussian-nb-predict.ts';
export {
  createClassificationMetrics,
  type ClassificationMetrics,
  type ClassificationMetricsAccumulator,
  type ClassScores,
} from './metrics/classification-metrics.ts';
export {
  buildMlmodel,
  formatMlflowTimestamp,
  FLAVOR_NAME,
  MLMODEL_FILE,
  MODEL_FILE,
  type GaussianNbFlavor,
  type MlmodelDocument,
  type MlmodelOptions,
} from './model-folder/mlmodel.ts';
export { parseGaussianNbModel } from './model-folder/model-schema.ts';
export { readModelFolder } from './model-folder/read-model-folder.ts';
export { writeModelFolder } from './model-folder/write-model-folder.ts';
