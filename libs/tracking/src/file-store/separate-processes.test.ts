// Behaviour across processes: parallel train steps on one store, and a step stopped by a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '@pipeline/test-support';

const PROCESSES = resolve(import.meta.dirname, '../../test-fixtures/processes');

let workDir: string;
let root: string;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tracking-processes-'));
  root = join(workDir, 'mlruns');
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function startScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(PROCESSES, script), ...args], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface ChildExit {
  stdout: string;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child ends normally or by a signal; rejects with its stderr otherwise. */
function collectOutput(child: ChildProcess): Promise<ChildExit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolveExit({ stdout, signal });
    });
  });
}

async function experimentNamesIn(store: string): Promise<string[]> {
  const names: string[] = [];
  for (const id of (await readdir(store)).filter((name) => /^\d+$/.test(name))) {
    const meta = parse(await readFile(join(store, id, 'meta.yaml'), 'utf8')) as { name: string };
    names.push(meta.name);
  }
  return names.sort();
}

describe('separate processes on one file store', () => {
  it('creates one experiment when four processes ask for the same new name at once', async () => {
    const startAt = String(Date.now() + 1_500);
    const uri = pathToFileURL(root).href;
    const children = Array.from({ length: 4 }, () =>
      collectOutput(startScript('get-or-create-experiment.ts', [uri, 'iris', startAt])),
    );
    const ids = (await Promise.all(children)).map(({ stdout }) => stdout.trim());
    expect(new Set(ids).size).toBe(1);
    expect(await experimentNamesIn(root)).toEqual(['Default', 'iris']);
    expect(await readdir(root)).not.toContain('.experiment-creation.lock');
  });

  it('marks the run KILLED with an end time when the step is interrupted', async () => {
    const child = startScript('run-until-signalled.ts', [root]);
    const exited = collectOutput(child);
    const runId = await new Promise<string>((resolveId) => {
      child.stdout?.once('data', (chunk: Buffer) => resolveId(chunk.toString().trim()));
    });
    child.kill('SIGINT');
    expect((await exited).signal).toBe('SIGINT');

    const [experimentId = ''] = (await readdir(root)).filter((name) => /^[1-9]\d+$/.test(name));
    const meta = parse(await readFile(join(root, experimentId, runId, 'meta.yaml'), 'utf8')) as {
      status: number;
      end_time: number | null;
      start_time: number;
    };
    expect(meta.status).toBe(5);
    expect(meta.end_time).toBeGreaterThanOrEqual(meta.start_time);
  });
});
