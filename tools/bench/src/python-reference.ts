// Times the seed's own approach (reference_pipeline.py: pandas and scikit-learn) on the same
// file, in the Python of the test references (.venv-test/main, pinned in main.txt).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { testPython } from '@pipeline/test-support';

export interface PythonFigures {
  seconds: number;
  maxRssKiB: number;
  accuracy: number;
  rows: number;
}

export interface PythonInput {
  file: string;
  target: string;
  /** Column names for a file without a header. */
  columns?: string[];
  outputDir: string;
}

const SCRIPT = join(import.meta.dirname, 'reference_pipeline.py');

export async function timePythonReference(input: PythonInput): Promise<PythonFigures> {
  const args = [SCRIPT, '--input', input.file, '--target', input.target,
    '--output-dir', input.outputDir];
  if (input.columns) args.push('--columns', input.columns.join(','));
  const started = performance.now();
  const child = spawn(testPython('main'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the Python reference failed (exit ${code}):\n${stderr}`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<PythonFigures, 'seconds'>;
  return { seconds, ...result };
}
