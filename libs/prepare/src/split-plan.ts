// Decides, before any output is written, which rows go to test: a mask per group of rows, where
// a group is one class when stratifying and the whole file otherwise.
import { xoroshiro128plus } from 'pure-rand';
import { PipelineError } from '@pipeline/errors';
import { classSplitCounts } from './class-split-counts.ts';
import { samplePositions } from './seeded-sample.ts';
import type { SplitOptions } from './split-options.ts';
import { splitSizes, type SplitSizes } from './split-sizes.ts';

export interface SplitPlan {
  sizes: SplitSizes;
  stratify: boolean;
  /** testMasks[group][position in group] is 1 for a test row. */
  testMasks: Uint8Array[];
}

/** A classifier needs two classes at least; one class would only fail later, in train. */
function checkSeveralClasses(classes: readonly string[]): void {
  if (classes.length >= 2) return;
  throw new PipelineError(
    'CLASS_TOO_SMALL',
    `the target column holds one class only ('${classes[0]}'); a classifier needs two or more`,
    { field: 'target_column', hint: 'Check `target_column` of the entry, or the raw file.' },
  );
}

export function planSplit(
  classes: readonly string[],
  classCounts: readonly number[],
  options: SplitOptions,
): SplitPlan {
  checkSeveralClasses(classes);
  const total = classCounts.reduce((sum, count) => sum + count, 0);
  const sizes = splitSizes(total, options.testSize);
  const rng = xoroshiro128plus(options.seed);
  if (!options.stratify) {
    return { sizes, stratify: false, testMasks: [samplePositions(total, sizes.test, rng)] };
  }
  // Classes are sampled one after the other in sorted order from the one generator.
  const { test } = classSplitCounts(classes, classCounts, sizes);
  const testMasks = classCounts.map((count, index) => samplePositions(count, test[index]!, rng));
  return { sizes, stratify: true, testMasks };
}

/** Answers, row after row in file order, whether a row of the given class goes to test. */
export function createTestRowRouter(plan: SplitPlan): (classIndex: number) => boolean {
  const seen = new Uint32Array(plan.testMasks.length);
  return (classIndex) => {
    const group = plan.stratify ? classIndex : 0;
    const position = seen[group]!;
    seen[group] = position + 1;
    return plan.testMasks[group]![position] === 1;
  };
}
