// Plots for training runs: the confusion matrix as SVG, and any SVG as PNG.
export { renderConfusionMatrixSvg } from './render-confusion-matrix-svg.ts';
export type { ConfusionMatrixPlotInput } from './confusion-matrix-input.ts';
export { renderSvgToPng, PNG_SCALE } from './render-svg-to-png.ts';
