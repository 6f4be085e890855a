// Checks split sizes and per-class counts against scikit-learn 1.9.1's train_test_split.
import { join } from 'node:path';
import { getDatasetType } from '@pipeline/dataset-types';
import { runPythonJson, WORKSPACE_ROOT } from '@pipeline/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeCensus } from './census.ts';
import { planSplit } from './split-plan.ts';

interface SplitCase {
  name: string;
  classCounts: number[];
  testSize: number;
  stratify: boolean;
}

interface SklearnResult {
  error?: string;
  /** Per class, one entry per random_state tried. */
  train: number[][];
  test: number[][];
}

// One call for every case; each stratified case runs under several random states, because
// scikit-learn breaks remainder ties at random: equal counts under all of them show the case
// has no tie at the cut, where this project's deterministic rule could legitimately differ.
const SKLEARN_SPLITS = `
import json, sys
import numpy as np
from sklearn.model_selection import train_test_split
out = []
for case in json.load(sys.stdin):
    y = np.array([f"k{c:03d}" for c, n in enumerate(case["classCounts"]) for _ in range(n)])
    classes = np.unique(y)
    result = {"train": [], "test": []}
    try:
        for seed in (42, 0, 1, 2, 3):
            _, _, y_train, y_test = train_test_split(
                np.zeros((len(y), 1)), y, test_size=case["testSize"], random_state=seed,
                stratify=y if case["stratify"] else None)
            result["train"].append([int((y_train == c).sum()) for c in classes])
            result["test"].append([int((y_test == c).sum()) for c in classes])
    except ValueError as error:
        result["error"] = str(error)
    out.append(result)
print(json.dumps(out))
`;

function classNames(counts: number[]): string[] {
  return counts.map((_, index) => `k${String(index).padStart(3, '0')}`);
}

function ourCounts(splitCase: SplitCase) {
  const classes = classNames(splitCase.classCounts);
  const options = { testSize: splitCase.testSize, seed: 42, stratify: splitCase.stratify };
  const plan = planSplit(classes, splitCase.classCounts, options);
  const test = plan.testMasks.map((mask) => mask.reduce((sum, bit) => sum + bit, 0));
  return { sizes: plan.sizes, test, train: splitCase.classCounts.map((n, i) => n - test[i]!) };
}

async function vendorCase(name: string, targetColumn: string, testSize: number) {
  const file = join(WORKSPACE_ROOT, 'vendor', 'datasets', `${name}.data`);
  const census = await takeCensus(getDatasetType(name), file, { dataset: name, targetColumn });
  const caseName = `${name}, test size ${testSize}`;
  return { name: caseName, classCounts: census.classCounts, testSize, stratify: true };
}

const manyClasses = Array.from({ length: 40 }, (_, index) => 2 + ((index * 37) % 61));
const generatedCases: SplitCase[] = [
  { name: 'imbalanced, fraction', classCounts: [500, 30, 7, 2], testSize: 0.25, stratify: true },
  { name: 'ninety-ten, small test', classCounts: [90, 10], testSize: 0.1, stratify: true },
  { name: 'forty classes, fraction', classCounts: manyClasses, testSize: 0.3, stratify: true },
  { name: 'forty classes, row count', classCounts: manyClasses, testSize: 333, stratify: true },
  { name: 'uneven, row count', classCounts: [50, 20, 9, 4], testSize: 17, stratify: true },
  { name: 'not stratified, fraction', classCounts: [61, 1, 38], testSize: 0.33, stratify: false },
  { name: 'not stratified, row count', classCounts: [7, 3], testSize: 4, stratify: false },
];

describe('split counts match scikit-learn train_test_split', () => {
  const cases: SplitCase[] = [];
  let sklearn: SklearnResult[] = [];

  beforeAll(async () => {
    cases.push(
      await vendorCase('iris', 'species', 0.2),
      await vendorCase('wine', 'class', 0.2),
      await vendorCase('wine', 'class', 50),
      ...generatedCases,
    );
    sklearn = await runPythonJson<SklearnResult[]>(SKLEARN_SPLITS, cases);
  });

  it('gives every class the same train and test rows for stratified splits', () => {
    const stratified = cases
      .map((splitCase, index) => ({ splitCase, reference: sklearn[index]! }))
      .filter(({ splitCase }) => splitCase.stratify);
    expect(stratified.length).toBeGreaterThan(7);
    for (const { splitCase, reference } of stratified) {
      expect(reference.error, splitCase.name).toBeUndefined();
      for (const counts of reference.test) {
        expect(counts, `${splitCase.name} has a remainder tie`).toEqual(reference.test[0]);
      }
      const ours = ourCounts(splitCase);
      expect(ours.test, splitCase.name).toEqual(reference.test[0]);
      expect(ours.train, splitCase.name).toEqual(reference.train[0]);
    }
  });

  it('gives the same train and test sizes when not stratified', () => {
    for (const [index, splitCase] of cases.entries()) {
      if (splitCase.stratify) continue;
      const reference = sklearn[index]!;
      const ours = ourCounts(splitCase).sizes;
      expect(ours.test, splitCase.name).toBe(reference.test[0]!.reduce((a, b) => a + b, 0));
      expect(ours.train, splitCase.name).toBe(reference.train[0]!.reduce((a, b) => a + b, 0));
    }
  });
});

describe('split errors match scikit-learn train_test_split', () => {
  const failing: SplitCase[] = [
    { name: 'a class of one row', classCounts: [5, 1], testSize: 0.2, stratify: true },
    { name: 'fewer test rows than classes', classCounts: [5, 5, 5], testSize: 2, stratify: true },
    { name: 'too few train rows', classCounts: [3, 3, 3], testSize: 0.8, stratify: true },
    { name: 'every row as test', classCounts: [6, 4], testSize: 10, stratify: false },
    { name: 'no train row left', classCounts: [2, 1], testSize: 0.9, stratify: false },
  ];

  it('refuses every split that scikit-learn refuses', async () => {
    const sklearn = await runPythonJson<SklearnResult[]>(SKLEARN_SPLITS, failing);
    for (const [index, splitCase] of failing.entries()) {
      expect(sklearn[index]!.error, splitCase.name).toBeTypeOf('string');
      expect(() => ourCounts(splitCase), splitCase.name).toThrow();
    }
    expect(() => ourCounts(failing[0]!)).toThrow(
      expect.objectContaining({ code: 'CLASS_TOO_SMALL' }),
    );
  });
});
