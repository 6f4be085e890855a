// The split settings of an entry, checked before any file is read.
import { PipelineError } from '@pipeline/errors';

export interface SplitOptions {
  /** A fraction in (0, 1), or a whole number of rows >= 1, as scikit-learn's test_size. */
  testSize: number;
  /** Integer in [0, 2^32 - 1], the range numpy accepts as a random_state. */
  seed: number;
  stratify: boolean;
}

const MAX_SEED = 2 ** 32 - 1;

export function checkSplitOptions(options: SplitOptions): void {
  const { testSize, seed } = options;
  const isCount = Number.isInteger(testSize) && testSize >= 1;
  const isFraction = testSize > 0 && testSize < 1;
  if (!isCount && !isFraction) {
    throw new PipelineError(
      'INVALID_INPUT',
      `the test size ${testSize} is neither a fraction between 0 and 1 nor a whole number of rows`,
      { field: 'split.test_size', hint: 'Set `split.test_size` to e.g. 0.2 or 30.' },
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new PipelineError(
      'INVALID_INPUT',
      `the seed ${seed} is not a whole number from 0 to ${MAX_SEED}`,
      { field: 'split.seed', hint: 'Set `split.seed` to a whole number such as 42.' },
    );
  }
}
