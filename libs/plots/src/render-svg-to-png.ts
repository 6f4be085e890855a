// Rasterises an SVG to PNG with the DejaVu Sans files shipped in node_modules, so the text
// looks the same on a laptop and in a container without system fonts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';

const FONT_FAMILY = 'DejaVu Sans';
/** Twice the SVG's size keeps the text crisp on high-density screens and in reports. */
export const PNG_SCALE = 2;

function dejaVuSansFiles(): string[] {
  const require = createRequire(import.meta.url);
  const fontFolder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(fontFolder, file));
}

/** The raw rendering, kept separate so tests can inspect its pixels. */
export function rasteriseSvg(svg: string): RenderedImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: {
      fontFiles: dejaVuSansFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return resvg.render();
}

export function renderSvgToPng(svg: string): Buffer {
  return rasteriseSvg(svg).asPng();
}
