// The fitted Gaussian naive Bayes classifier as plain JSON, the form model.json stores.
// Its fields follow scikit-learn's GaussianNB (theta_, var_, epsilon_) so figures compare 1:1.

export const GAUSSIAN_NB_TYPE = 'gaussian_nb';

/** scikit-learn's default: a tiny share of the widest feature's variance is added to every one. */
export const DEFAULT_VAR_SMOOTHING = 1e-9;

export interface GaussianNbModel {
  type: typeof GAUSSIAN_NB_TYPE;
  /** Feature names, in the order a row's values are given. */
  features: string[];
  /** Class labels; predictions are indices into this list. */
  classes: string[];
  /** Training rows seen per class. */
  classCounts: number[];
  priors: number[];
  /** Per-class mean of each feature: theta[class][feature]. */
  theta: number[][];
  /** Per-class population variance of each feature, plus epsilon: var[class][feature]. */
  var: number[][];
  /** varSmoothing times the largest population variance of any feature over all rows. */
  epsilon: number;
  varSmoothing: number;
}
