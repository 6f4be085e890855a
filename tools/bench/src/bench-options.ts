// The benchmark's command line: which sizes to run, how often to time iris, where results go.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKSPACE_ROOT } from '@pipeline/test-support';

/** One benchmarked input: the shipped iris dataset, or a generated file of `rows` rows. */
export type BenchSize =
  | { kind: 'iris'; name: 'iris' }
  | { kind: 'generated'; name: string; rows: number };

export interface BenchOptions {
  sizes: BenchSize[];
  /** How many cold and how many warm `nx run iris:train` to time; 0 skips them. */
  irisRuns: number;
  features: number;
  classes: number;
  seed: number;
  /** Where generated files are kept between runs (they are deterministic). */
  dataDir: string;
  /** The JSON of all figures. */
  outFile: string;
  /** A JSON of an earlier run, to print the change of every figure. */
  compareFile: string | undefined;
  python: boolean;
  keepWorkspace: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --sizes <list>      comma-separated: iris and row counts such as 100k, 1m, 2500
                      (default iris,100k,1m,5m)
  --iris-runs <n>     cold and warm \`nx run iris:train\` runs to time (default 5; 0 skips)
  --features <n>      features of generated files (default 20)
  --classes <n>       classes of generated files (default 3)
  --seed <n>          seed of generated files (default 42)
  --data-dir <dir>    where generated files are kept (default .cache/bench/data)
  --out <file>        the JSON of all figures (default .cache/bench/results-<time>.json)
  --compare <file>    an earlier JSON: print how each figure changed
  --no-python         skip the Python reference
  --keep-workspace    leave the temporary workspace copy in place`;

const SUFFIXES: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };

export function parseSize(text: string): BenchSize {
  const name = text.trim().toLowerCase();
  if (name === 'iris') return { kind: 'iris', name };
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(name);
  const rows = match ? Math.round(Number(match[1]) * SUFFIXES[match[2] ?? '']!) : Number.NaN;
  if (!Number.isInteger(rows) || rows < 10) {
    throw new Error(`--sizes: '${text}' is neither iris nor a row count of at least 10`);
  }
  return { kind: 'generated', name, rows };
}

function wholeNumber(text: string | undefined, fallback: number, option: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${option} must be a whole number`);
  return value;
}

export function parseBenchOptions(argv: string[], now = new Date()): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' }, 'iris-runs': { type: 'string' }, features: { type: 'string' },
      classes: { type: 'string' }, seed: { type: 'string' }, 'data-dir': { type: 'string' },
      out: { type: 'string' }, compare: { type: 'string' }, 'no-python': { type: 'boolean' },
      'keep-workspace': { type: 'boolean' },
    },
  });
  const benchDir = join(WORKSPACE_ROOT, '.cache', 'bench');
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    sizes: (values.sizes ?? 'iris,100k,1m,5m').split(',').map(parseSize),
    irisRuns: wholeNumber(values['iris-runs'], 5, 'iris-runs'),
    features: Math.max(1, wholeNumber(values.features, 20, 'features')),
    classes: Math.max(2, wholeNumber(values.classes, 3, 'classes')),
    seed: wholeNumber(values.seed, 42, 'seed'),
    dataDir: values['data-dir'] ?? join(benchDir, 'data'),
    outFile: values.out ?? join(benchDir, `results-${stamp}.json`),
    compareFile: values.compare,
    python: !values['no-python'],
    keepWorkspace: values['keep-workspace'] ?? false,
  };
}
