// How many rows go to test and to train, by the rules of scikit-learn's train_test_split:
// a fractional test size is rounded up, a whole one is a row count, train gets the rest.
import { PipelineError } from '@pipeline/errors';

export interface SplitSizes {
  train: number;
  test: number;
}

const SIZE_HINT = 'Change `split.test_size` of the entry, or get more data.';

export function splitSizes(total: number, testSize: number): SplitSizes {
  const isFraction = testSize > 0 && testSize < 1;
  if (!isFraction && testSize >= total) {
    throw new PipelineError(
      'INVALID_INPUT',
      `the test size ${testSize} must be smaller than the number of rows, ${total}`,
      { field: 'split.test_size', hint: SIZE_HINT },
    );
  }
  const test = isFraction ? Math.ceil(testSize * total) : testSize;
  const train = total - test;
  if (train === 0) {
    throw new PipelineError(
      'INVALID_INPUT',
      `a test size of ${testSize} leaves no rows of the ${total} for training`,
      { field: 'split.test_size', hint: SIZE_HINT },
    );
  }
  return { train, test };
}
