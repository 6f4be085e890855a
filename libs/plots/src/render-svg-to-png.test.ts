import { beforeAll, describe, expect, it } from 'vitest';
import { IRIS_RESULT, TWELVE_CLASS_RESULT } from './fixtures/example-matrices.ts';
import { svgSize } from './fixtures/read-svg-text.ts';
import { renderConfusionMatrixSvg } from './render-confusion-matrix-svg.ts';
import { PNG_SCALE, rasteriseSvg, renderSvgToPng } from './render-svg-to-png.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function withoutText(svg: string): string {
  return svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
}

/** Counts clearly dark pixels (text or dark cells) in rows [top, bottom) of an RGBA image. */
function darkPixelsInRows(svg: string, top: number, bottom: number): number {
  // Each read of `pixels` copies the whole image out of the native renderer: read it once.
  const { width, pixels } = rasteriseSvg(svg);
  let dark = 0;
  for (let y = top; y < bottom; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 4;
      if (pixels[offset]! + pixels[offset + 1]! + pixels[offset + 2]! < 3 * 128) dark += 1;
    }
  }
  return dark;
}

/** True when every pixel on the outermost frame is the white background. */
function frameIsBlank(svg: string): boolean {
  const { width, height, pixels } = rasteriseSvg(svg);
  const isWhite = (x: number, y: number): boolean =>
    pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3).every((value) => value === 255);
  for (let x = 0; x < width; x += 1) if (!isWhite(x, 0) || !isWhite(x, height - 1)) return false;
  for (let y = 0; y < height; y += 1) if (!isWhite(0, y) || !isWhite(width - 1, y)) return false;
  return true;
}

describe('renderSvgToPng', () => {
  let irisSvg = '';
  beforeAll(async () => {
    irisSvg = await renderConfusionMatrixSvg(IRIS_RESULT);
  });

  it('produces a PNG file', () => {
    expect(renderSvgToPng(irisSvg).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('renders at twice the size the SVG declares', () => {
    const png = renderSvgToPng(irisSvg);
    const { width, height } = svgSize(irisSvg);
    // IHDR is the first chunk: width and height follow its length and type.
    expect(png.readUInt32BE(16)).toBe(width * PNG_SCALE);
    expect(png.readUInt32BE(20)).toBe(height * PNG_SCALE);
  });

  it('draws the title with real glyphs from the bundled fonts', () => {
    const gridTop = Number(/<rect x="[\d.]+" y="([\d.]+)"/.exec(irisSvg)?.[1]);
    const titleBand = gridTop * PNG_SCALE;
    expect(darkPixelsInRows(irisSvg, 0, titleBand)).toBeGreaterThan(200);
    expect(darkPixelsInRows(withoutText(irisSvg), 0, titleBand)).toBe(0);
  });

  it('draws class names and counts, changing the pixels compared with a text-free plot', () => {
    const withLabels = rasteriseSvg(irisSvg).pixels;
    const withoutLabels = rasteriseSvg(withoutText(irisSvg)).pixels;
    expect(withLabels.equals(withoutLabels)).toBe(false);
  });

  it('returns the same bytes for the same SVG', () => {
    expect(renderSvgToPng(irisSvg).equals(renderSvgToPng(irisSvg))).toBe(true);
  });

  it.each([
    ['the iris plot', IRIS_RESULT],
    ['the twelve-class plot with long names', TWELVE_CLASS_RESULT],
  ])('keeps every label of %s inside the picture', async (_label, input) => {
    expect(frameIsBlank(await renderConfusionMatrixSvg(input))).toBe(true);
  });
});
