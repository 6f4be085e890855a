// Checks a confusion matrix before drawing, so a malformed one fails with a clear error
// instead of a plot with missing or misplaced cells.
import { PipelineError } from '@pipeline/errors';

export interface ConfusionMatrixPlotInput {
  /** Class names in the order of the matrix rows and columns. */
  classes: string[];
  /** matrix[trueIndex][predictedIndex] = number of test rows with that outcome. */
  matrix: number[][];
  title: string;
}

const HINT = 'Pass one row per class, each holding one non-negative whole count per class.';

function invalid(message: string): PipelineError {
  return new PipelineError('INVALID_INPUT', message, { field: 'confusion matrix', hint: HINT });
}

function checkClasses(classes: string[]): void {
  if (classes.length === 0) throw invalid('the confusion matrix has no classes');
  const seen = new Set<string>();
  for (const name of classes) {
    if (seen.has(name)) throw invalid(`class '${name}' appears twice in the class list`);
    seen.add(name);
  }
}

function checkCounts(classes: string[], matrix: number[][]): void {
  if (matrix.length !== classes.length) {
    throw invalid(`expected ${classes.length} rows (one per class), got ${matrix.length}`);
  }
  matrix.forEach((row, rowIndex) => {
    if (row.length !== classes.length) {
      throw invalid(
        `row '${classes[rowIndex]}' has ${row.length} counts, expected ${classes.length}`,
      );
    }
    row.forEach((count, columnIndex) => {
      if (!Number.isInteger(count) || count < 0) {
        throw invalid(
          `count ${count} for true '${classes[rowIndex]}', ` +
            `predicted '${classes[columnIndex]}' is not a non-negative whole number`,
        );
      }
    });
  });
}

export function assertValidConfusionMatrix(input: ConfusionMatrixPlotInput): void {
  checkClasses(input.classes);
  checkCounts(input.classes, input.matrix);
}
