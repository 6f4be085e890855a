// `npm run bench`: times the pipeline through the real Nx targets at several sizes, beside the
// Python reference, prints the figures and writes them as JSON for later comparison.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from '@pipeline/test-support';
import type { BenchFigures } from './bench-figures.ts';
import { parseBenchOptions, USAGE } from './bench-options.ts';
import { formatComparison, formatReport } from './bench-report.ts';
import { runBenchmark } from './bench-run.ts';

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseBenchOptions(argv);
  // The Python reference runs in the test references' environment; set it up as `npm test` does.
  if (options.python) {
    const setup = join(WORKSPACE_ROOT, 'tools', 'test-support', 'setup-python.sh');
    if (spawnSync('bash', [setup], { stdio: 'inherit' }).status !== 0) {
      throw new Error('could not set up the Python reference; run again with --no-python');
    }
  }
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const figures = await runBenchmark(options, log);
  await mkdir(dirname(options.outFile), { recursive: true });
  await writeFile(options.outFile, `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${formatReport(figures)}\n\nfigures written to ${options.outFile}\n`);
  if (options.compareFile) {
    const before = JSON.parse(await readFile(options.compareFile, 'utf8')) as BenchFigures;
    process.stdout.write(`\n${formatComparison(before, figures)}\n`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
