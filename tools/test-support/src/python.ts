// Runs the pinned outside references (MLflow, scikit-learn) from the test virtual environment.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const WORKSPACE_ROOT = resolve(import.meta.dirname, '../../..');

/** A virtual environment per file in tools/test-support/python/, e.g. 'main' for main.txt. */
export function testPython(environment = 'main'): string {
  const python = join(WORKSPACE_ROOT, '.venv-test', environment, 'bin', 'python');
  if (!existsSync(python)) {
    throw new Error(
      `The test references are missing: run \`npm test\` (it creates .venv-test/${environment}).`,
    );
  }
  return python;
}

/** Runs a Python snippet with JSON on stdin and returns its stdout parsed as JSON. */
export async function runPythonJson<T>(
  code: string,
  input: unknown = null,
  env: Record<string, string> = {},
  environment = 'main',
): Promise<T> {
  const child = run(testPython(environment), ['-c', code], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  child.child.stdin?.end(JSON.stringify(input));
  const { stdout } = await child;
  return JSON.parse(stdout) as T;
}
