// Fits Gaussian naive Bayes in one streaming pass; memory grows with features × classes, not rows.
// Our own because ml-naivebayes 4.0.0's GaussianNB reads only the first two features, uses the
// sample std and multiplies densities in linear space (underflow on wide data).
import { PipelineError } from '@pipeline/errors';
import {
  DEFAULT_VAR_SMOOTHING,
  GAUSSIAN_NB_TYPE,
  type GaussianNbModel,
} from './gaussian-nb-model.ts';
import { checkClassIndex, checkFeatureValues, checkNames } from '../row-checks.ts';
import {
  addToMoments,
  classMeans,
  classVariances,
  createClassMoments,
  largestOverallVariance,
  type ClassMoments,
} from './class-moments.ts';

export interface GaussianNbFitterOptions {
  features: string[];
  classes: string[];
  /** Share of the largest feature variance added to every variance (scikit-learn's default). */
  varSmoothing?: number;
}

export interface GaussianNbFitter {
  /** Adds one training row; `classIndex` points into `classes`. */
  add(features: ArrayLike<number>, classIndex: number): void;
  readonly rowCount: number;
  finish(): GaussianNbModel;
}

export function createGaussianNbFitter(options: GaussianNbFitterOptions): GaussianNbFitter {
  const { features, classes } = options;
  const varSmoothing = options.varSmoothing ?? DEFAULT_VAR_SMOOTHING;
  checkFitterOptions(features, classes, varSmoothing);
  const moments = createClassMoments(classes.length, features.length);
  let rowCount = 0;

  return {
    add(values, classIndex) {
      const rowLabel = `Training row ${rowCount + 1}`;
      checkFeatureValues(values, features, rowLabel);
      checkClassIndex(classIndex, classes, rowLabel);
      addToMoments(moments, values, classIndex);
      rowCount++;
    },
    get rowCount() {
      return rowCount;
    },
    finish() {
      return buildModel(moments, [...features], [...classes], varSmoothing);
    },
  };
}

/** Fits on rows held in memory; `labels` are class indices into `options.classes`. */
export function fitGaussianNb(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  options: GaussianNbFitterOptions,
): GaussianNbModel {
  if (rows.length !== labels.length) {
    throw new PipelineError(
      'INVALID_INPUT',
      `Got ${rows.length} rows but ${labels.length} labels.`,
      { hint: 'Pass exactly one class index per row.' },
    );
  }
  const fitter = createGaussianNbFitter(options);
  rows.forEach((row, index) => fitter.add(row, labels[index]!));
  return fitter.finish();
}

function checkFitterOptions(features: string[], classes: string[], varSmoothing: number): void {
  checkNames(features, 'feature');
  checkNames(classes, 'class');
  if (!Number.isFinite(varSmoothing) || varSmoothing < 0) {
    throw new PipelineError('MODEL_INVALID', `varSmoothing must be a number >= 0.`, {
      field: 'varSmoothing',
      hint: `Use a small positive value such as ${DEFAULT_VAR_SMOOTHING}.`,
    });
  }
}

function buildModel(
  moments: ClassMoments,
  features: string[],
  classes: string[],
  varSmoothing: number,
): GaussianNbModel {
  checkEveryClassSeen(moments.counts, classes);
  const classCounts = Array.from(moments.counts);
  const total = classCounts.reduce((sum, count) => sum + count, 0);
  const theta = classMeans(moments);
  const epsilon = varSmoothing * largestOverallVariance(moments, theta);
  const variances = classVariances(moments).map((row) => row.map((value) => value + epsilon));
  checkPositiveVariances(variances, features, classes);
  return {
    type: GAUSSIAN_NB_TYPE,
    features,
    classes,
    classCounts,
    priors: classCounts.map((count) => count / total),
    theta,
    var: variances,
    epsilon,
    varSmoothing,
  };
}

function checkEveryClassSeen(counts: Float64Array, classes: string[]): void {
  const missing = classes.filter((_, index) => counts[index] === 0);
  if (missing.length === 0) return;
  throw new PipelineError(
    'MODEL_INVALID',
    `No training rows for class ${missing.map((name) => `'${name}'`).join(', ')}.`,
    {
      field: missing[0],
      hint: 'Every class needs training rows: check the split, or drop the class from the data.',
    },
  );
}

function checkPositiveVariances(
  variances: number[][],
  features: string[],
  classes: string[],
): void {
  variances.forEach((row, classIndex) => {
    const feature = row.findIndex((value) => !(value > 0));
    if (feature === -1) return;
    throw new PipelineError(
      'MODEL_INVALID',
      `Feature '${features[feature]}' does not vary within class '${classes[classIndex]}', ` +
        'and smoothing adds nothing (every feature is constant, or varSmoothing is 0).',
      { field: features[feature], hint: 'Drop constant features, or use a positive varSmoothing.' },
    );
  });
}
