// How many rows of each class go to train and to test in a stratified split, with the checks
// scikit-learn makes before it will stratify.
import { PipelineError } from '@pipeline/errors';
import { approximateMode } from './approximate-mode.ts';
import type { SplitSizes } from './split-sizes.ts';

export interface ClassSplitCounts {
  train: number[];
  test: number[];
}

function checkEveryClassSplits(classes: readonly string[], counts: readonly number[]): void {
  const smallest = counts.indexOf(Math.min(...counts));
  if (counts[smallest]! >= 2) return;
  throw new PipelineError(
    'CLASS_TOO_SMALL',
    `class '${classes[smallest]}' has only ${counts[smallest]} row; a stratified split needs ` +
      'at least 2 rows of every class',
    {
      field: 'split.stratify',
      hint: 'Set `split.stratify: false` for the entry, or get more data.',
    },
  );
}

function checkSideHoldsEveryClass(side: 'train' | 'test', rows: number, classCount: number) {
  if (rows >= classCount) return;
  const fix = side === 'test' ? 'Raise' : 'Lower';
  throw new PipelineError(
    'INVALID_INPUT',
    `the ${side} set would get ${rows} rows, fewer than the ${classCount} classes; a stratified ` +
      'split needs room for every class on both sides',
    {
      field: 'split.test_size',
      hint: `${fix} \`split.test_size\`, set \`split.stratify: false\`, or get more data.`,
    },
  );
}

/**
 * Like scikit-learn, shares out the train rows and gives test what is left of each class, so
 * even the floating-point shares being rounded are the same ones.
 */
export function classSplitCounts(
  classes: readonly string[],
  counts: readonly number[],
  sizes: SplitSizes,
): ClassSplitCounts {
  checkEveryClassSplits(classes, counts);
  checkSideHoldsEveryClass('train', sizes.train, classes.length);
  checkSideHoldsEveryClass('test', sizes.test, classes.length);
  const train = approximateMode(counts, sizes.train);
  return { train, test: counts.map((count, index) => count - train[index]!) };
}
