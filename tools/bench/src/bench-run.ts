// Runs the benchmark: generated inputs registered as csv entries in a copy of the workspace,
// each size through `nx run <dataset>:train`, the Python reference beside it, and cold and
// warm `nx run iris:train`.
import { appendFile, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTempWorkspace, WORKSPACE_ROOT } from '@pipeline/test-support';
import { generatedInput } from './bench-data.ts';
import {
  describeMachine,
  median,
  sizeFigures,
  type BenchFigures,
  type IrisStartup,
  type SizeFigures,
} from './bench-figures.ts';
import type { BenchOptions, BenchSize } from './bench-options.ts';
import { GENERATED_TARGET_COLUMN, type GeneratedFile } from './generated-dataset.ts';
import { timeNx, type NxRun } from './nx-timing.ts';
import { timePythonReference, type PythonInput } from './python-reference.ts';

export type ProgressLog = (message: string) => void;

const IRIS_FILE = join(WORKSPACE_ROOT, 'vendor', 'datasets', 'iris.data');
const IRIS_COLUMNS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];

interface Bench {
  root: string;
  options: BenchOptions;
  log: ProgressLog;
  files: Map<string, GeneratedFile>;
}

function entryText(dataset: string, file: GeneratedFile): string {
  return [`  ${dataset}:`, `    url: ${pathToFileURL(file.path).href}`,
    `    sha256: ${file.sha256}`, `    target_column: ${GENERATED_TARGET_COLUMN}`, ''].join('\n');
}

const datasetOf = (size: BenchSize) => (size.kind === 'iris' ? 'iris' : `bench-${size.name}`);

async function generateInputs(options: BenchOptions, log: ProgressLog) {
  const files = new Map<string, GeneratedFile>();
  for (const size of options.sizes) {
    if (size.kind !== 'generated') continue;
    const { features, classes, seed } = options;
    const started = performance.now();
    const settings = { rows: size.rows, features, classes, seed };
    const file = await generatedInput(options.dataDir, settings);
    const took = ((performance.now() - started) / 1000).toFixed(1);
    log(`${size.name}: ${file.path}${file.generatedNow ? ` (generated in ${took} s)` : ''}`);
    files.set(size.name, file);
  }
  return files;
}

async function nxOrFail(bench: Bench, args: string[]): Promise<NxRun> {
  bench.log(`nx ${args.join(' ')}`);
  const run = await timeNx(bench.root, args);
  if (run.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${run.output}`);
  return run;
}

async function pythonFigures(bench: Bench, input: Omit<PythonInput, 'outputDir'>) {
  if (!bench.options.python) return undefined;
  const outputDir = join(bench.root, 'output', 'python-reference');
  bench.log(`python reference on ${input.file}`);
  try {
    return await timePythonReference({ ...input, outputDir });
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function timeIrisStartup(bench: Bench): Promise<IrisStartup> {
  const coldSeconds: number[] = [];
  const warmSeconds: number[] = [];
  let warmFullyCached = true;
  for (let run = 0; run < bench.options.irisRuns; run += 1) {
    coldSeconds.push((await nxOrFail(bench, ['run', 'iris:train', '--skip-nx-cache'])).seconds);
  }
  for (let run = 0; run < bench.options.irisRuns; run += 1) {
    const warm = await nxOrFail(bench, ['run', 'iris:train']);
    warmSeconds.push(warm.seconds);
    if (warm.cache?.hits !== warm.cache?.tasks || !warm.cache) warmFullyCached = false;
  }
  const coldMedian = median(coldSeconds);
  return { coldSeconds, warmSeconds, coldMedian, warmMedian: median(warmSeconds), warmFullyCached };
}

/** Runs one size; its outputs and Nx's cache entries go afterwards, to spare the disk. */
async function benchSize(bench: Bench, size: BenchSize): Promise<SizeFigures> {
  const dataset = datasetOf(size);
  const file = size.kind === 'iris' ? IRIS_FILE : bench.files.get(size.name)!.path;
  const run = await nxOrFail(bench, ['run', `${dataset}:train`]);
  const python = size.kind === 'iris'
    ? await pythonFigures(bench, { file, target: 'species', columns: IRIS_COLUMNS })
    : await pythonFigures(bench, { file, target: GENERATED_TARGET_COLUMN });
  const csvBytes = (await stat(file)).size;
  const rows = size.kind === 'iris' ? 150 : size.rows;
  const base = { name: size.name, dataset, rows, csvBytes, nxSeconds: run.seconds };
  if (size.kind !== 'iris') {
    await rm(join(bench.root, 'output', dataset), { recursive: true, force: true });
    await rm(join(bench.root, '.nx', 'cache'), { recursive: true, force: true });
  }
  return sizeFigures(base, run.steps, python);
}

export async function runBenchmark(options: BenchOptions, log: ProgressLog) {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const files = await generateInputs(options, log);
  const workspace = await createTempWorkspace();
  const bench: Bench = { root: workspace.root, options, log, files };
  try {
    for (const [name, file] of files) {
      await appendFile(join(bench.root, 'datasets.yaml'), entryText(`bench-${name}`, file));
    }
    await mkdir(join(bench.root, 'output'), { recursive: true });
    const sizes: SizeFigures[] = [];
    let iris: IrisStartup | undefined;
    for (const size of options.sizes) {
      sizes.push(await benchSize(bench, size));
      if (size.kind === 'iris' && options.irisRuns > 0) iris = await timeIrisStartup(bench);
    }
    const { features, classes, seed } = options;
    return { startedAt, machine, generated: { features, classes, seed }, sizes, iris } satisfies
      BenchFigures;
  } finally {
    if (options.keepWorkspace) log(`workspace kept at ${workspace.root}`);
    else await workspace.dispose();
  }
}
