// Sizes and places every part of the confusion-matrix plot: cells shrink as classes grow,
// and margins grow to fit the longest class name and the title.
import { estimateTextWidth, widestTextWidth } from './text-width-estimate.ts';

export interface ConfusionMatrixLayout {
  width: number;
  height: number;
  cellSize: number;
  gridLeft: number;
  gridTop: number;
  gridSize: number;
  labelFontSize: number;
  countFontSize: number;
  titleFontSize: number;
  axisTitleFontSize: number;
  /** Gap between the grid and the class names beside and below it. */
  labelGap: number;
  /** Slanted when the longest class name is wider than a column. */
  predictedNamesSlanted: boolean;
  titleX: number;
  titleBaseline: number;
  trueAxisTitleX: number;
  predictedAxisTitleBaseline: number;
}

const PADDING = 16;
const LABEL_GAP = 6;
const GRID_BUDGET = 480;
const TITLE_FONT_SIZE = 16;
const AXIS_TITLE_FONT_SIZE = 13;
export const PREDICTED_NAME_ANGLE = 45;
const SLANT = Math.SQRT1_2;
const TRUE_AXIS_TITLE_X = PADDING + AXIS_TITLE_FONT_SIZE;

function chooseCellSize(classCount: number): number {
  return Math.min(96, Math.max(26, Math.round(GRID_BUDGET / classCount)));
}

function chooseCountFontSize(cellSize: number, widestCount: string): number {
  const preferred = Math.min(18, Math.max(9, Math.round(cellSize * 0.32)));
  const fitting = (cellSize * 0.85) / (estimateTextWidth(widestCount, 1) || 1);
  return Math.max(6, Math.min(preferred, Math.floor(fitting)));
}

interface ClassNameSpace {
  labelFontSize: number;
  labelWidth: number;
  slanted: boolean;
}

function measureClassNames(classes: readonly string[], cellSize: number): ClassNameSpace {
  const labelFontSize = cellSize >= 40 ? 13 : 11;
  const labelWidth = widestTextWidth(classes, labelFontSize);
  return { labelFontSize, labelWidth, slanted: labelWidth > cellSize - 2 * LABEL_GAP };
}

function chooseGridLeft(names: ClassNameSpace, cellSize: number): number {
  const besideGrid = TRUE_AXIS_TITLE_X + LABEL_GAP + names.labelWidth + LABEL_GAP;
  // The first slanted name runs left of its column and must not leave the picture.
  const underFirstColumn = names.slanted ? PADDING + names.labelWidth * SLANT - cellSize / 2 : 0;
  return Math.ceil(Math.max(besideGrid, underFirstColumn));
}

function heightBelowGrid(names: ClassNameSpace): number {
  const namesHeight = names.slanted
    ? (names.labelWidth + names.labelFontSize) * SLANT
    : names.labelFontSize * 1.2;
  return Math.ceil(LABEL_GAP + namesHeight + 8 + AXIS_TITLE_FONT_SIZE);
}

/** A title wider than the plot widens the picture, and the plot moves to its middle. */
function fitTitle(title: string, gridLeft: number, gridSize: number) {
  const titleWidth = estimateTextWidth(title, TITLE_FONT_SIZE * 1.1);
  const plotWidth = gridLeft + gridSize + PADDING;
  const width = Math.ceil(Math.max(plotWidth, titleWidth + 2 * PADDING));
  return { width, shift: Math.floor((width - plotWidth) / 2) };
}

export function layoutConfusionMatrix(
  classes: readonly string[],
  matrix: readonly (readonly number[])[],
  title: string,
): ConfusionMatrixLayout {
  const cellSize = chooseCellSize(classes.length);
  const gridSize = cellSize * classes.length;
  const names = measureClassNames(classes, cellSize);
  const gridTop = PADDING + TITLE_FONT_SIZE + 14;
  const predictedAxisTitleBaseline = gridTop + gridSize + heightBelowGrid(names);
  const plotLeft = chooseGridLeft(names, cellSize);
  const { width, shift } = fitTitle(title, plotLeft, gridSize);

  return {
    width,
    height: predictedAxisTitleBaseline + PADDING,
    cellSize,
    gridLeft: shift + plotLeft,
    gridTop,
    gridSize,
    labelFontSize: names.labelFontSize,
    countFontSize: chooseCountFontSize(cellSize, String(Math.max(0, ...matrix.flat()))),
    titleFontSize: TITLE_FONT_SIZE,
    axisTitleFontSize: AXIS_TITLE_FONT_SIZE,
    labelGap: LABEL_GAP,
    predictedNamesSlanted: names.slanted,
    titleX: width / 2,
    titleBaseline: PADDING + TITLE_FONT_SIZE,
    trueAxisTitleX: shift + TRUE_AXIS_TITLE_X,
    predictedAxisTitleBaseline,
  };
}
