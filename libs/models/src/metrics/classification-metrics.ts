// Classification metrics accumulated one prediction at a time, matching scikit-learn's
// precision_recall_fscore_support and f1_score with zero_division=0.
import { checkClassIndex, checkNames } from '../row-checks.ts';

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class is this one. */
  support: number;
}

export interface ClassificationMetrics {
  total: number;
  correct: number;
  accuracy: number;
  /**
   * Unweighted means over the classes that occur as a true or a predicted label, which is what
   * scikit-learn averages when it is not given an explicit list of labels.
   */
  macroPrecision: number;
  macroRecall: number;
  macroF1: number;
  perClass: ClassScores[];
  /** confusion[true][predicted], in the order of `classes`. */
  confusion: number[][];
}

export interface ClassificationMetricsAccumulator {
  add(trueIndex: number, predictedIndex: number): void;
  result(): ClassificationMetrics;
}

export function createClassificationMetrics(
  classes: readonly string[],
): ClassificationMetricsAccumulator {
  checkNames(classes, 'class');
  const confusion = classes.map(() => new Float64Array(classes.length));
  let total = 0;
  return {
    add(trueIndex, predictedIndex) {
      checkClassIndex(trueIndex, classes, `Evaluation row ${total + 1} (true class)`);
      checkClassIndex(predictedIndex, classes, `Evaluation row ${total + 1} (predicted class)`);
      confusion[trueIndex]![predictedIndex]!++;
      total++;
    },
    result() {
      return summarise(classes, confusion.map((row) => Array.from(row)), total);
    },
  };
}

/** A zero denominator gives 0, as scikit-learn does with zero_division=0. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function scoreClass(
  confusion: number[][],
  index: number,
  label: string,
  predicted: number,
): ClassScores {
  const truePositives = confusion[index]![index]!;
  const support = confusion[index]!.reduce((sum, count) => sum + count, 0);
  return {
    label,
    precision: ratio(truePositives, predicted),
    recall: ratio(truePositives, support),
    // scikit-learn's form 2·tp / (true + predicted) rather than the harmonic mean of p and r.
    f1: ratio(2 * truePositives, support + predicted),
    support,
  };
}

function summarise(
  classes: readonly string[],
  confusion: number[][],
  total: number,
): ClassificationMetrics {
  const predictedTotals = classes.map((_, column) =>
    confusion.reduce((sum, row) => sum + row[column]!, 0),
  );
  const perClass: ClassScores[] = classes.map((label, index) =>
    scoreClass(confusion, index, label, predictedTotals[index]!),
  );
  const correct = classes.reduce((sum, _, index) => sum + confusion[index]![index]!, 0);
  const occurring = perClass.filter(
    (scores, index) => scores.support + predictedTotals[index]! > 0,
  );
  const mean = (pick: (scores: ClassScores) => number) =>
    ratio(occurring.reduce((sum, scores) => sum + pick(scores), 0), occurring.length);
  return {
    total,
    correct,
    accuracy: ratio(correct, total),
    macroPrecision: mean((scores) => scores.precision),
    macroRecall: mean((scores) => scores.recall),
    macroF1: mean((scores) => scores.f1),
    perClass,
    confusion,
  };
}
