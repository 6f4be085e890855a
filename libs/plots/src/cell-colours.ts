// Colours a cell by its count on a sequential blue scale and picks the count's text colour
// with the better contrast against that cell, so numbers stay legible on dark and light cells.
import type { D3Module } from 'd3-node';

const DARK_TEXT = '#1b1f24';
const LIGHT_TEXT = '#ffffff';
// The palest end of the scale is almost white; starting a little in keeps empty cells visible.
const PALEST_SHADE = 0.04;

export interface CellColours {
  fill(count: number): string;
  text(count: number): string;
}

function relativeLuminance(d3: D3Module, colour: string): number {
  const { r, g, b } = d3.rgb(colour);
  const linear = [r, g, b].map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

function contrastRatio(first: number, second: number): number {
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

export function createCellColours(d3: D3Module, largestCount: number): CellColours {
  const scale = d3
    .scaleSequential((t) => d3.interpolateBlues(PALEST_SHADE + (1 - PALEST_SHADE) * t))
    .domain([0, Math.max(1, largestCount)]);
  const darkLuminance = relativeLuminance(d3, DARK_TEXT);

  return {
    fill: (count) => scale(count),
    text: (count) => {
      const cell = relativeLuminance(d3, scale(count));
      const onDark = contrastRatio(cell, 1);
      const onLight = contrastRatio(cell, darkLuminance);
      return onDark > onLight ? LIGHT_TEXT : DARK_TEXT;
    },
  };
}
