// Predictions of a fitted Gaussian naive Bayes model, summed in log space so that rows with
// hundreds of features never underflow to zero. The arithmetic follows scikit-learn's order.
import { checkFeatureValues } from '../row-checks.ts';
import type { GaussianNbModel } from './gaussian-nb-model.ts';

/**
 * Per class: log prior and the density's normalising term. Computed once per model, because
 * recomputing classes × features logarithms for every row dominates prediction on wide data.
 * Models are treated as immutable once fitted or read.
 */
const classConstantsByModel = new WeakMap<GaussianNbModel, ClassConstants>();

interface ClassConstants {
  logPriors: Float64Array;
  normalisers: Float64Array;
}

function classConstantsOf(model: GaussianNbModel): ClassConstants {
  let constants = classConstantsByModel.get(model);
  if (constants) return constants;
  constants = {
    logPriors: Float64Array.from(model.priors, Math.log),
    normalisers: Float64Array.from(model.var, (variances) => {
      let sum = 0;
      for (const variance of variances) sum += Math.log(2 * Math.PI * variance);
      return -0.5 * sum;
    }),
  };
  classConstantsByModel.set(model, constants);
  return constants;
}

/** log P(class) + log P(x | class) for each class, before normalising. */
export function jointLogLikelihood(model: GaussianNbModel, x: ArrayLike<number>): number[] {
  checkFeatureValues(x, model.features, 'Row');
  const { logPriors, normalisers } = classConstantsOf(model);
  return model.classes.map((_, classIndex) => {
    const means = model.theta[classIndex]!;
    const variances = model.var[classIndex]!;
    let scaledSquares = 0;
    for (let feature = 0; feature < means.length; feature++) {
      const deviation = x[feature]! - means[feature]!;
      scaledSquares += (deviation * deviation) / variances[feature]!;
    }
    return logPriors[classIndex]! + (normalisers[classIndex]! - 0.5 * scaledSquares);
  });
}

/** log P(class | x), normalised with log-sum-exp so the largest term never overflows. */
export function predictLogProba(model: GaussianNbModel, x: ArrayLike<number>): number[] {
  const joint = jointLogLikelihood(model, x);
  const largest = Math.max(...joint);
  let sum = 0;
  for (const value of joint) sum += Math.exp(value - largest);
  const logTotal = Math.log(sum) + largest;
  return joint.map((value) => value - logTotal);
}

export function predictProba(model: GaussianNbModel, x: ArrayLike<number>): number[] {
  return predictLogProba(model, x).map(Math.exp);
}

/** Index of the most likely class; a tie goes to the lowest index, as numpy's argmax does. */
export function predictClass(model: GaussianNbModel, x: ArrayLike<number>): number {
  const joint = jointLogLikelihood(model, x);
  let best = 0;
  for (let classIndex = 1; classIndex < joint.length; classIndex++) {
    if (joint[classIndex]! > joint[best]!) best = classIndex;
  }
  return best;
}
