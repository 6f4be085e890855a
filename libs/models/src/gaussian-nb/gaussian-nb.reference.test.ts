// Published scikit-learn GaussianNB figures (defaults, fitted and scored on all rows) for the
// UCI iris and wine files, reproduced by our fitter, predictor and metrics.
import { describe, expect, it } from 'vitest';
import { createClassificationMetrics } from '../metrics/classification-metrics.ts';
import { readIris, readWine, type LabelledRows } from '../test-fixtures/uci-datasets.ts';
import { fitGaussianNb } from './gaussian-nb-fitter.ts';
import { predictClass, predictProba } from './gaussian-nb-predict.ts';

function scoreOnTrainingRows(data: LabelledRows) {
  const model = fitGaussianNb(data.rows, data.labels, data);
  const metrics = createClassificationMetrics(data.classes);
  data.rows.forEach((row, index) => metrics.add(data.labels[index]!, predictClass(model, row)));
  return { model, metrics: metrics.result() };
}

function expectAllClose(actual: number[][], expected: number[][], digits: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((value, c) => expect(value).toBeCloseTo(expected[r]![c]!, digits)),
  );
}

describe('Gaussian naive Bayes on iris', async () => {
  const iris = await readIris();
  const { model, metrics } = scoreOnTrainingRows(iris);

  it('classifies 144 of the 150 rows correctly, with macro F1 0.96', () => {
    expect(iris.classes).toEqual(['Iris-setosa', 'Iris-versicolor', 'Iris-virginica']);
    expect(metrics.total).toBe(150);
    expect(metrics.correct).toBe(144);
    expect(metrics.accuracy).toBeCloseTo(0.96, 12);
    expect(metrics.macroF1).toBeCloseTo(0.96, 12);
  });

  it('confuses three versicolor with virginica and three the other way round', () => {
    expect(metrics.confusion).toEqual([
      [50, 0, 0],
      [0, 47, 3],
      [0, 3, 47],
    ]);
  });

  it('learns the class means and the smoothed variances', () => {
    expectAllClose(
      model.theta,
      [
        [5.006, 3.418, 1.464, 0.244],
        [5.936, 2.77, 4.26, 1.326],
        [6.588, 2.974, 5.552, 2.026],
      ],
      12,
    );
    expectAllClose(
      model.var,
      [
        [0.121764, 0.142276, 0.029504, 0.011264],
        [0.261104, 0.0965, 0.2164, 0.038324],
        [0.396256, 0.101924, 0.298496, 0.073924],
      ],
      6,
    );
    expect(model.priors).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('gives row 71 (a versicolor) a probability of 0.845506 of being virginica', () => {
    const probabilities = predictProba(model, iris.rows[70]!);
    expect(iris.rows[70]).toEqual([5.9, 3.2, 4.8, 1.8]);
    expect(probabilities[0]! / 7.4357e-129).toBeCloseTo(1, 4);
    expect(probabilities[1]).toBeCloseTo(0.154494, 6);
    expect(probabilities[2]).toBeCloseTo(0.845506, 6);
  });
});

describe('Gaussian naive Bayes on wine', async () => {
  const wine = await readWine();
  const { metrics } = scoreOnTrainingRows(wine);

  it('classifies 176 of the 178 rows correctly, with macro F1 0.98902', () => {
    expect(wine.classes).toEqual(['1', '2', '3']);
    expect(metrics.correct).toBe(176);
    expect(metrics.accuracy).toBeCloseTo(0.98876, 5);
    expect(metrics.macroF1).toBeCloseTo(0.98902, 5);
  });

  it('misses one cultivar-1 row as 2 and one cultivar-2 row as 3', () => {
    expect(metrics.confusion).toEqual([
      [58, 1, 0],
      [0, 70, 1],
      [0, 0, 48],
    ]);
  });
});
