// Checks on the names and rows handed to the classifier, shared by fitting and prediction.
import { PipelineError } from '@pipeline/errors';

/** Rejects empty or repeated names, which would make columns or labels ambiguous. */
export function checkNames(names: readonly string[], what: 'feature' | 'class'): void {
  if (names.length === 0) {
    throw new PipelineError('MODEL_INVALID', `The model needs at least one ${what}.`, {
      hint: `Check the ${what === 'feature' ? 'feature columns' : 'target column'} of the split.`,
    });
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new PipelineError('MODEL_INVALID', `The ${what} '${name}' is listed twice.`, {
        field: name,
        hint: `Give every ${what} a distinct name.`,
      });
    }
    seen.add(name);
  }
}

/** A row must have one finite number per feature; `rowLabel` says which row, e.g. "row 12". */
export function checkFeatureValues(
  values: ArrayLike<number>,
  features: readonly string[],
  rowLabel: string,
): void {
  if (values.length !== features.length) {
    throw new PipelineError(
      'INVALID_INPUT',
      `${rowLabel} has ${values.length} values; the model expects ${features.length} features.`,
      { hint: 'Make every row carry exactly the feature columns the model was trained on.' },
    );
  }
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new PipelineError(
        'INVALID_INPUT',
        `${rowLabel} has the non-finite value ${value} for feature '${features[index]}'.`,
        { field: features[index], hint: 'Remove or fix rows with missing or infinite values.' },
      );
    }
  }
}

export function checkClassIndex(
  classIndex: number,
  classes: readonly string[],
  rowLabel: string,
): void {
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes.length) {
    throw new PipelineError(
      'INVALID_INPUT',
      `${rowLabel} has class index ${classIndex}; expected an integer from 0 to ${
        classes.length - 1
      }.`,
      { hint: 'Map each label to its position in the list of classes before fitting.' },
    );
  }
}
