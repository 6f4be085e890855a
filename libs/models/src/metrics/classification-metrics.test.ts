// The streaming metrics: scikit-learn's figures on generated labels, and the zero-division rules.
import { isPipelineError } from '@pipeline/errors';
import { runPythonJson } from '@pipeline/test-support';
import { xoroshiro128plus, unsafeUniformIntDistribution } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { createClassificationMetrics } from './classification-metrics.ts';

interface SklearnScores {
  accuracy: number;
  macro: [number, number, number];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
  confusion: number[][];
}

// Per-class figures use every label; the macro means use scikit-learn's own default labels.
const SKLEARN_SCORES = `
import json, sys
from sklearn import metrics
results = []
for case in json.load(sys.stdin):
    y_true, y_pred, labels = case["true"], case["predicted"], list(range(case["classes"]))
    p, r, f, s = metrics.precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    macro = metrics.precision_recall_fscore_support(
        y_true, y_pred, average="macro", zero_division=0)[:3]
    results.append({
        "accuracy": metrics.accuracy_score(y_true, y_pred), "macro": list(macro),
        "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
        "confusion": metrics.confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    })
print(json.dumps(results))
`;

/** Labels drawn from a seeded generator; `absent` classes never occur as true or predicted. */
function generateLabels(seed: number, rows: number, classes: number, absent: number[] = []) {
  const generator = xoroshiro128plus(seed);
  const present = Array.from({ length: classes }, (_, index) => index).filter(
    (index) => !absent.includes(index),
  );
  const draw = () => present[unsafeUniformIntDistribution(0, present.length - 1, generator)]!;
  const truth = Array.from({ length: rows }, draw);
  // Mostly right, sometimes a random class, so every metric is between 0 and 1.
  const predicted = truth.map((label) => (draw() % 3 === 0 ? draw() : label));
  return { classes, true: truth, predicted };
}

const CASES = {
  'three balanced classes': generateLabels(1, 200, 3),
  'fifteen classes': generateLabels(2, 400, 15),
  'a class that never occurs': generateLabels(3, 150, 5, [2]),
};

describe('classification metrics against scikit-learn 1.9.1', async () => {
  const cases = Object.values(CASES);
  const references = await runPythonJson<SklearnScores[]>(SKLEARN_SCORES, cases);

  it.each(Object.keys(CASES).map((name, index) => ({ name, index })))(
    'match accuracy, macro and per-class scores and the confusion matrix for $name',
    ({ index }) => {
      const labels = cases[index]!;
      const reference = references[index]!;
      const classNames = Array.from({ length: labels.classes }, (_, c) => `c${c}`);
      const metrics = createClassificationMetrics(classNames);
      labels.true.forEach((truth, row) => metrics.add(truth, labels.predicted[row]!));
      const result = metrics.result();

      expect(result.accuracy).toBeCloseTo(reference.accuracy, 14);
      expect(result.macroPrecision).toBeCloseTo(reference.macro[0], 14);
      expect(result.macroRecall).toBeCloseTo(reference.macro[1], 14);
      expect(result.macroF1).toBeCloseTo(reference.macro[2], 14);
      result.perClass.forEach((scores, c) => {
        expect(scores.precision).toBeCloseTo(reference.precision[c]!, 14);
        expect(scores.recall).toBeCloseTo(reference.recall[c]!, 14);
        expect(scores.f1).toBeCloseTo(reference.f1[c]!, 14);
        expect(scores.support).toBe(reference.support[c]);
      });
      expect(result.confusion).toEqual(reference.confusion);
    },
  );
});

describe('classification metrics on edge cases', () => {
  it('scores a class that is never predicted with precision 0 rather than NaN', () => {
    const metrics = createClassificationMetrics(['cat', 'dog']);
    metrics.add(0, 0);
    metrics.add(1, 0);
    const dog = metrics.result().perClass[1]!;

    expect(dog).toEqual({ label: 'dog', precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('leaves a class out of the macro means when it is neither true nor predicted', () => {
    const metrics = createClassificationMetrics(['cat', 'dog', 'bird']);
    metrics.add(0, 0);
    metrics.add(1, 1);
    const result = metrics.result();

    expect(result.perClass[2]!.support).toBe(0);
    expect(result.macroF1).toBe(1);
  });

  it('rejects a class index outside the list of classes', () => {
    const metrics = createClassificationMetrics(['cat', 'dog']);
    let failure: unknown;
    try {
      metrics.add(0, 2);
    } catch (error) {
      failure = error;
    }
    expect(isPipelineError(failure) && failure.code).toBe('INVALID_INPUT');
  });
});
