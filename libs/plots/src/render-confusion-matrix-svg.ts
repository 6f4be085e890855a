// Draws a confusion matrix as a standalone SVG: rows are the true class, columns the
// predicted class, each cell shaded by its count and labelled with it.
import type { D3Module, D3Selection } from 'd3-node';
import { createCellColours } from './cell-colours.ts';
import {
  assertValidConfusionMatrix,
  type ConfusionMatrixPlotInput,
} from './confusion-matrix-input.ts';
import {
  layoutConfusionMatrix,
  PREDICTED_NAME_ANGLE,
  type ConfusionMatrixLayout,
} from './confusion-matrix-layout.ts';

const FONT_FAMILY = 'DejaVu Sans';
const TEXT_COLOUR = '#1b1f24';
// A dy offset centres text on its anchor; dominant-baseline is supported unevenly by renderers.
const VERTICAL_CENTRE = '0.35em';
// Drops text by its cap height so its top, not its baseline, sits on the anchor.
const HANGING = '0.8em';

interface Cell {
  row: number;
  column: number;
  count: number;
}

type Svg = D3Selection<unknown>;

function drawCells(svg: Svg, d3: D3Module, cells: Cell[], layout: ConfusionMatrixLayout): void {
  const colours = createCellColours(d3, Math.max(0, ...cells.map((cell) => cell.count)));
  const { gridLeft, gridTop, cellSize } = layout;
  const group = svg.append('g').attr('class', 'cells');
  const cellGroups = group.selectAll('g').data(cells).join('g');

  cellGroups
    .append('rect')
    .attr('x', (cell) => gridLeft + cell.column * cellSize)
    .attr('y', (cell) => gridTop + cell.row * cellSize)
    .attr('width', cellSize)
    .attr('height', cellSize)
    .attr('fill', (cell) => colours.fill(cell.count))
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 1);
  cellGroups
    .append('text')
    .attr('class', 'cell-count')
    .attr('x', (cell) => gridLeft + (cell.column + 0.5) * cellSize)
    .attr('y', (cell) => gridTop + (cell.row + 0.5) * cellSize)
    .attr('dy', VERTICAL_CENTRE)
    .attr('text-anchor', 'middle')
    .attr('font-size', layout.countFontSize)
    .attr('fill', (cell) => colours.text(cell.count))
    .text((cell) => String(cell.count));
}

function drawClassNames(svg: Svg, classes: string[], layout: ConfusionMatrixLayout): void {
  const { gridLeft, gridTop, gridSize, cellSize, labelGap, labelFontSize } = layout;
  const centreOf = (index: number): number => (index + 0.5) * cellSize;

  svg
    .append('g')
    .attr('class', 'true-class-names')
    .selectAll('text')
    .data(classes)
    .join('text')
    .attr('class', 'true-class-name')
    .attr('x', gridLeft - labelGap)
    .attr('y', (_name, index) => gridTop + centreOf(index))
    .attr('dy', VERTICAL_CENTRE)
    .attr('text-anchor', 'end')
    .attr('font-size', labelFontSize)
    .text((name) => name);
  const top = gridTop + gridSize + labelGap;
  const slanted = layout.predictedNamesSlanted;
  svg
    .append('g')
    .attr('class', 'predicted-class-names')
    .selectAll('text')
    .data(classes)
    .join('text')
    .attr('class', 'predicted-class-name')
    .attr('transform', (_name, index) => {
      const place = `translate(${gridLeft + centreOf(index)},${top})`;
      return slanted ? `${place} rotate(-${PREDICTED_NAME_ANGLE})` : place;
    })
    .attr('dy', slanted ? VERTICAL_CENTRE : HANGING)
    .attr('text-anchor', slanted ? 'end' : 'middle')
    .attr('font-size', labelFontSize)
    .text((name) => name);
}

function drawTitles(svg: Svg, title: string, layout: ConfusionMatrixLayout): void {
  const { gridLeft, gridTop, gridSize, axisTitleFontSize } = layout;
  svg
    .append('text')
    .attr('class', 'plot-title')
    .attr('x', layout.titleX)
    .attr('y', layout.titleBaseline)
    .attr('text-anchor', 'middle')
    .attr('font-size', layout.titleFontSize)
    .attr('font-weight', 'bold')
    .text(title);
  svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(${layout.trueAxisTitleX},${gridTop + gridSize / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', axisTitleFontSize)
    .text('True class');
  svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', gridLeft + gridSize / 2)
    .attr('y', layout.predictedAxisTitleBaseline)
    .attr('text-anchor', 'middle')
    .attr('font-size', axisTitleFontSize)
    .text('Predicted class');
}

export async function renderConfusionMatrixSvg(input: ConfusionMatrixPlotInput): Promise<string> {
  assertValidConfusionMatrix(input);
  const { classes, matrix, title } = input;
  const layout = layoutConfusionMatrix(classes, matrix, title);
  // d3-node loads jsdom, which takes a noticeable moment; only pay for it when drawing.
  const { D3Node } = await import('d3-node');
  const d3Node = new D3Node();

  const svg = d3Node.createSVG(layout.width, layout.height, {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    'font-family': FONT_FAMILY,
    fill: TEXT_COLOUR,
  });
  svg.append('rect').attr('width', layout.width).attr('height', layout.height).attr('fill', '#fff');
  const cells = matrix.flatMap((row, rowIndex) =>
    row.map((count, column) => ({ row: rowIndex, column, count })),
  );
  drawCells(svg, d3Node.d3, cells, layout);
  drawClassNames(svg, classes, layout);
  drawTitles(svg, title, layout);

  return d3Node.svgString();
}
