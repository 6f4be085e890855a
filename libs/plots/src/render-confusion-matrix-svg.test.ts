import { describe, expect, it } from 'vitest';
import { IRIS_RESULT, TWELVE_CLASS_RESULT } from './fixtures/example-matrices.ts';
import { readSvgTexts, svgSize, textsOfClass } from './fixtures/read-svg-text.ts';
import { renderConfusionMatrixSvg } from './render-confusion-matrix-svg.ts';

function cellSizeOf(svg: string): number {
  return Number(/<g class="cells"><g><rect [^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
}

describe('renderConfusionMatrixSvg', () => {
  describe.each([
    ['a three-class', IRIS_RESULT],
    ['a twelve-class', TWELVE_CLASS_RESULT],
  ])('for %s matrix', (_label, input) => {
    it('names every class along the true-class axis, in row order', async () => {
      const svg = await renderConfusionMatrixSvg(input);
      expect(textsOfClass(svg, 'true-class-name')).toEqual(input.classes);
    });

    it('names every class along the predicted-class axis, in column order', async () => {
      const svg = await renderConfusionMatrixSvg(input);
      expect(textsOfClass(svg, 'predicted-class-name')).toEqual(input.classes);
    });

    it('shows the count of every cell, row by row', async () => {
      const svg = await renderConfusionMatrixSvg(input);
      expect(textsOfClass(svg, 'cell-count')).toEqual(input.matrix.flat().map(String));
    });

    it('shows the title and both axis titles', async () => {
      const svg = await renderConfusionMatrixSvg(input);
      expect(textsOfClass(svg, 'plot-title')).toEqual([input.title]);
      expect(textsOfClass(svg, 'axis-title')).toEqual(['True class', 'Predicted class']);
    });

    it('returns the same bytes for the same input', async () => {
      const first = await renderConfusionMatrixSvg(input);
      const second = await renderConfusionMatrixSvg(structuredClone(input));
      expect(second).toBe(first);
    });
  });

  it('declares its width, height and a matching viewBox', async () => {
    const { width, height, viewBox } = svgSize(await renderConfusionMatrixSvg(IRIS_RESULT));
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
  });

  it('sets DejaVu Sans as the font of the whole picture', async () => {
    const svg = await renderConfusionMatrixSvg(IRIS_RESULT);
    expect(svg).toMatch(/^<svg [^>]*font-family="DejaVu Sans"/);
  });

  it('writes light counts on the darkest cell and dark counts on empty cells', async () => {
    const svg = await renderConfusionMatrixSvg(IRIS_RESULT);
    const fillOf = (count: string): string | undefined =>
      new RegExp(`class="cell-count"[^>]*fill="([^"]+)"[^>]*>${count}<`).exec(svg)?.[1];
    expect(fillOf('50')).toBe('#ffffff');
    expect(fillOf('0')).not.toBe('#ffffff');
  });

  it('gives cells less room as the number of classes grows', async () => {
    const threeClasses = cellSizeOf(await renderConfusionMatrixSvg(IRIS_RESULT));
    const twelveClasses = cellSizeOf(await renderConfusionMatrixSvg(TWELVE_CLASS_RESULT));
    expect(twelveClasses).toBeLessThan(threeClasses);
  });

  it('slants predicted-class names only when they are wider than a column', async () => {
    const shortNames = await renderConfusionMatrixSvg({
      classes: ['1', '2', '3'],
      matrix: IRIS_RESULT.matrix,
      title: 'wine',
    });
    expect(shortNames).not.toContain('rotate(-45)');
    expect(await renderConfusionMatrixSvg(IRIS_RESULT)).toContain('rotate(-45)');
  });

  it('keeps markup characters in class names and title as plain text', async () => {
    const input = { classes: ['a<b', 'c&d'], matrix: [[1, 2], [3, 4]], title: 'x < y & z' };
    const texts = readSvgTexts(await renderConfusionMatrixSvg(input)).map((text) => text.content);
    expect(texts).toEqual(expect.arrayContaining(['a<b', 'c&d', 'x < y & z']));
  });

  it('rejects a matrix whose size does not match the class list', async () => {
    const input = { classes: ['a', 'b', 'c'], matrix: [[1, 2], [3, 4]], title: 'bad' };
    await expect(renderConfusionMatrixSvg(input)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
