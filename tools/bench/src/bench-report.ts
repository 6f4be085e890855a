// Prints the benchmark's figures as plain-text tables, and how they changed from an earlier run.
import type { BenchFigures, SizeFigures } from './bench-figures.ts';

/** The targets the figures are held against. */
export const TARGETS = {
  pipelineSecondsPerMillionRows: 4,
  pipelineSecondsAtFiveMillion: 15,
  peakMiB: 256,
  irisColdSeconds: 1.5,
  irisWarmSeconds: 1.0,
};

const seconds = (value: number) => `${value.toFixed(2)} s`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const rate = (value: number) => (value >= 10 ? value.toFixed(0) : value.toPrecision(2));

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
}

function sizeLines(size: SizeFigures): string[] {
  const widths = [10, 9, 9, 9, 6];
  const megabytes = (size.csvBytes / 1e6).toFixed(1);
  const lines = [`${size.name}: ${size.rows} rows, ${megabytes} MB of CSV (${size.dataset})`,
    row(['  step', 'seconds', 'MB/s', 'peak', 'cpu s'], widths)];
  for (const step of size.steps) {
    lines.push(row([`  ${step.step}`, seconds(step.seconds), rate(step.mbPerSecond),
      mib(step.peakMiB), step.cpuSeconds.toFixed(2)], widths));
  }
  lines.push(`  ingest + prepare + train: ${seconds(size.pipelineSeconds)},`
    + ` peak ${mib(size.peakMiB)}; the whole nx run: ${seconds(size.nxSeconds)}`);
  if (size.python && size.ratios) {
    const { python } = size;
    lines.push(`  python reference: ${seconds(python.seconds)}, peak ${mib(python.peakMiB)},`
      + ` accuracy ${python.accuracy.toFixed(4)}`);
    lines.push(`  ours / python: time ×${size.ratios.time.toFixed(2)},`
      + ` memory ×${size.ratios.memory.toFixed(2)}`);
  }
  return lines;
}

export function formatReport(figures: BenchFigures): string {
  const { machine } = figures;
  const load = machine.loadAverageAtStart.join(' ');
  const lines = [`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB,`
    + ` node ${machine.node}, ${machine.platform}, load ${load}`, ''];
  for (const size of figures.sizes) lines.push(...sizeLines(size), '');
  if (figures.iris) {
    const { iris } = figures;
    const runs = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
    lines.push(`nx run iris:train --skip-nx-cache (cold): median ${seconds(iris.coldMedian)}`
      + ` [${runs(iris.coldSeconds)}], target ≤ ${TARGETS.irisColdSeconds} s`);
    lines.push(`nx run iris:train (warm): median ${seconds(iris.warmMedian)}`
      + ` [${runs(iris.warmSeconds)}], target ≤ ${TARGETS.irisWarmSeconds} s`
      + (iris.warmFullyCached ? '' : ' (warning: not every task came from the cache)'));
  }
  return lines.join('\n');
}

function change(label: string, before: number, after: number): string {
  const ratio = after / before;
  const figure = (value: number) => value.toFixed(2).padStart(8);
  return `  ${label.padEnd(28)} ${figure(before)} → ${figure(after)}  ×${ratio.toFixed(2)}`;
}

/** Every figure present in both runs, earlier → now, with the ratio. */
export function formatComparison(before: BenchFigures, after: BenchFigures): string {
  const lines = [`compared with the run of ${before.startedAt}:`];
  for (const size of after.sizes) {
    const earlier = before.sizes.find((candidate) => candidate.name === size.name);
    if (!earlier) continue;
    for (const step of size.steps) {
      const old = earlier.steps.find((candidate) => candidate.step === step.step);
      if (!old) continue;
      lines.push(change(`${size.name} ${step.step} seconds`, old.seconds, step.seconds));
      lines.push(change(`${size.name} ${step.step} peak MiB`, old.peakMiB, step.peakMiB));
    }
    lines.push(change(`${size.name} nx run seconds`, earlier.nxSeconds, size.nxSeconds));
  }
  if (before.iris && after.iris) {
    lines.push(change('iris cold seconds', before.iris.coldMedian, after.iris.coldMedian));
    lines.push(change('iris warm seconds', before.iris.warmMedian, after.iris.warmMedian));
  }
  return lines.join('\n');
}
