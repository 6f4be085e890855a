// How the streaming fitter and the predictor behave at their edges: bad rows, missing classes,
// constant data, reused buffers, ties and rows far too wide for linear-space probabilities.
import { isPipelineError, type PipelineError } from '@pipeline/errors';
import { describe, expect, it } from 'vitest';
import { generateSamples } from '../test-fixtures/seeded-samples.ts';
import { createGaussianNbFitter, fitGaussianNb } from './gaussian-nb-fitter.ts';
import {
  jointLogLikelihood,
  predictClass,
  predictLogProba,
  predictProba,
} from './gaussian-nb-predict.ts';

const TWO_FEATURES = { features: ['height', 'weight'], classes: ['small', 'large'] };

function caught(action: () => unknown): PipelineError {
  try {
    action();
  } catch (error) {
    if (isPipelineError(error)) return error;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

describe('the streaming Gaussian naive Bayes fitter', () => {
  it('rejects a class with no training rows, naming the class', () => {
    const fitter = createGaussianNbFitter(TWO_FEATURES);
    fitter.add([1, 2], 0);
    fitter.add([2, 3], 0);

    const error = caught(() => fitter.finish());
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.message).toContain("'large'");
    expect(error.hint).toMatch(/split/);
  });

  it('rejects a row of the wrong width or with a non-finite value, and does not count it', () => {
    const fitter = createGaussianNbFitter(TWO_FEATURES);
    fitter.add([1, 2], 0);

    const tooShort = caught(() => fitter.add([1], 1));
    expect(tooShort.code).toBe('INVALID_INPUT');
    expect(tooShort.message).toContain('Training row 2 has 1 values');
    const notANumber = caught(() => fitter.add([1, Number.NaN], 1));
    expect(notANumber.location.field).toBe('weight');
    expect(fitter.rowCount).toBe(1);
  });

  it('rejects a class index outside the list of classes', () => {
    const fitter = createGaussianNbFitter(TWO_FEATURES);
    expect(caught(() => fitter.add([1, 2], 2)).code).toBe('INVALID_INPUT');
    expect(caught(() => fitter.add([1, 2], 0.5)).code).toBe('INVALID_INPUT');
  });

  it('rejects repeated feature names and a negative varSmoothing', () => {
    const repeated = { features: ['a', 'a'], classes: ['x'] };
    expect(caught(() => createGaussianNbFitter(repeated)).location.field).toBe('a');
    const negative = { ...TWO_FEATURES, varSmoothing: -1 };
    expect(caught(() => createGaussianNbFitter(negative)).code).toBe('MODEL_INVALID');
  });

  it('rejects data where every feature is constant, since no variance is left to divide by', () => {
    const error = caught(() => fitGaussianNb([[1, 5], [1, 5], [1, 5]], [0, 1, 0], TWO_FEATURES));
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.location.field).toBe('height');
  });

  it('keeps no reference to added rows, so callers may reuse one buffer', () => {
    const samples = generateSamples(7, { rows: 60, features: 3, classes: 2 });
    const buffer = new Float64Array(3);
    const fitter = createGaussianNbFitter(samples);
    samples.rows.forEach((row, index) => {
      buffer.set(row);
      fitter.add(buffer, samples.labels[index]!);
    });

    expect(fitter.finish()).toEqual(fitGaussianNb(samples.rows, samples.labels, samples));
  });

  it('produces a plain object that survives a JSON round trip unchanged', () => {
    const samples = generateSamples(8, { rows: 30, features: 2, classes: 3 });
    const model = fitGaussianNb(samples.rows, samples.labels, samples);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('Gaussian naive Bayes predictions', () => {
  it('breaks a tie towards the lowest class index', () => {
    const model = fitGaussianNb([[0, 1], [2, 3], [0, 1], [2, 3]], [0, 0, 1, 1], TWO_FEATURES);
    const [small, large] = jointLogLikelihood(model, [1, 2]);
    expect(small).toBe(large);
    expect(predictClass(model, [1, 2])).toBe(0);
  });

  it('stays finite on 2000-feature rows whose linear-space likelihoods underflow to zero', () => {
    const samples = generateSamples(9, { rows: 40, features: 2000, classes: 2 });
    const model = fitGaussianNb(samples.rows, samples.labels, samples);
    const farRow = samples.rows[0]!.map((value) => value + 3);

    expect(jointLogLikelihood(model, farRow).map(Math.exp)).toEqual([0, 0]);
    const probabilities = predictProba(model, farRow);
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(predictLogProba(model, farRow).every(Number.isFinite)).toBe(true);
  });

  it('rejects a row with a different number of features than the model', () => {
    const model = fitGaussianNb([[0, 1], [2, 3]], [0, 1], { ...TWO_FEATURES, varSmoothing: 1 });
    expect(caught(() => predictClass(model, [1, 2, 3])).code).toBe('INVALID_INPUT');
  });
});
