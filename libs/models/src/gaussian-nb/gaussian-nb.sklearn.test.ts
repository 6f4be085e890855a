// Our fitter and predictor against the real scikit-learn GaussianNB in .venv-test, on generated
// data of shapes that stress the arithmetic: wide rows, tiny variances, large offsets, etc.
import { runPythonJson } from '@pipeline/test-support';
import { describe, expect, it } from 'vitest';
import { generateSamples, type SampleShape } from '../test-fixtures/seeded-samples.ts';
import { fitGaussianNb } from './gaussian-nb-fitter.ts';
import { predictClass, predictLogProba, predictProba } from './gaussian-nb-predict.ts';

interface SklearnFit {
  theta: number[][];
  var: number[][];
  priors: number[];
  epsilon: number;
  predictions: number[];
  proba: number[][];
  logProba: number[][];
}

const SKLEARN_FIT = `
import json, sys
import numpy as np
from sklearn.naive_bayes import GaussianNB
results = []
for case in json.load(sys.stdin):
    model = GaussianNB().fit(np.array(case["train"]), np.array(case["labels"]))
    rows = np.array(case["evaluate"])
    results.append({
        "theta": model.theta_.tolist(), "var": model.var_.tolist(),
        "priors": model.class_prior_.tolist(), "epsilon": float(model.epsilon_),
        "predictions": model.predict(rows).tolist(),
        "proba": model.predict_proba(rows).tolist(),
        "logProba": model.predict_log_proba(rows).tolist(),
    })
print(json.dumps(results))
`;

const CASES: Record<string, SampleShape> = {
  'wide rows (300 features)': { rows: 90, features: 300, classes: 3 },
  'tiny variances (about 1e-9)': { rows: 120, features: 6, classes: 3, scale: 3e-5, offset: 1 },
  'large offsets (about 1e6)': { rows: 120, features: 6, classes: 4, offset: 1e6 },
  'many classes (15)': { rows: 300, features: 5, classes: 15 },
  'a constant feature': { rows: 90, features: 4, classes: 3, constantFeature: 2 },
};

/** |actual - expected| <= relative * max(|expected|, floor), element by element. */
function expectClose(actual: number[], expected: number[], relative: number, floor = 0): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    const target = expected[index]!;
    const allowed = relative * Math.max(Math.abs(target), floor);
    if (Math.abs(value - target) > allowed) {
      expect.fail(`element ${index}: ${value} differs from scikit-learn's ${target}`);
    }
  });
}

const cases = Object.entries(CASES).map(([name, shape], index) => {
  const samples = generateSamples(1000 + index, shape);
  const trainCount = Math.floor((shape.rows * 2) / 3);
  const train = samples.rows.slice(0, trainCount);
  const labels = samples.labels.slice(0, trainCount);
  return { name, samples, train, labels, model: fitGaussianNb(train, labels, samples) };
});

describe('Gaussian naive Bayes against scikit-learn 1.9.1', async () => {
  const references = await runPythonJson<SklearnFit[]>(
    SKLEARN_FIT,
    cases.map(({ train, labels, samples }) => ({ train, labels, evaluate: samples.rows })),
  );

  describe.each(cases.map((testCase, index) => ({ ...testCase, reference: references[index]! })))(
    'with $name',
    ({ model, samples, reference }) => {
      it('learns the same priors, means, variances and epsilon', () => {
        expectClose(model.priors, reference.priors, 1e-15);
        expect(model.epsilon).toBeGreaterThan(0);
        expectClose([model.epsilon], [reference.epsilon], 1e-9);
        model.theta.forEach((row, c) => expectClose(row, reference.theta[c]!, 1e-12, 1e-6));
        model.var.forEach((row, c) => expectClose(row, reference.var[c]!, 1e-12));
      });

      it('predicts the same class for every row', () => {
        expect(samples.rows.map((row) => predictClass(model, row))).toEqual(reference.predictions);
      });

      // Values near 1e6 carry only about 1e-10 of absolute resolution, so two correct
      // implementations may round the means apart by that much; 1e-8 leaves room for it.
      it('gives the same probabilities and log probabilities', () => {
        samples.rows.forEach((row, index) => {
          expectClose(predictProba(model, row), reference.proba[index]!, 1e-7, 1e-2);
          expectClose(predictLogProba(model, row), reference.logProba[index]!, 1e-8, 1);
        });
      });
    },
  );
});
