import { describe, expect, it } from 'vitest';
import { PipelineError } from '@pipeline/errors';
import { assertValidConfusionMatrix } from './confusion-matrix-input.ts';

function errorFrom(classes: string[], matrix: number[][]): PipelineError {
  try {
    assertValidConfusionMatrix({ classes, matrix, title: 'test' });
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected the confusion matrix to be rejected');
}

describe('assertValidConfusionMatrix', () => {
  it('accepts a square matrix of whole counts with one row per class', () => {
    expect(() =>
      assertValidConfusionMatrix({ classes: ['a', 'b'], matrix: [[3, 0], [1, 2]], title: 't' }),
    ).not.toThrow();
  });

  it('rejects an empty class list', () => {
    expect(errorFrom([], []).message).toMatch(/no classes/);
  });

  it('rejects a class named twice', () => {
    expect(errorFrom(['a', 'a'], [[1, 0], [0, 1]]).message).toMatch(/'a' appears twice/);
  });

  it('rejects a missing row, naming how many rows were expected', () => {
    expect(errorFrom(['a', 'b'], [[1, 0]]).message).toMatch(/expected 2 rows.*got 1/);
  });

  it('rejects a short row, naming its true class', () => {
    expect(errorFrom(['a', 'b'], [[1, 0], [1]]).message).toMatch(/row 'b' has 1 counts/);
  });

  it.each([
    ['a negative count', -1],
    ['a fractional count', 0.5],
    ['a count that is not a number', Number.NaN],
  ])('rejects %s, naming its true and predicted class', (_label, count) => {
    const error = errorFrom(['a', 'b'], [[1, 0], [count, 1]]);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/true 'b', predicted 'a'/);
    expect(error.hint).toBeTruthy();
  });
});
