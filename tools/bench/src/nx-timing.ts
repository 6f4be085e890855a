// Runs the real `nx` CLI on the benchmark's workspace copy and times it: the whole command from
// outside, and each step process from inside through step-probe.mjs.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedEnv } from '@pipeline/test-support';

const PROBE = pathToFileURL(join(import.meta.dirname, 'step-probe.mjs')).href;

/** What step-probe.mjs records for one step process. */
export interface StepRecord {
  step: string;
  project: string;
  target: string;
  exitCode: number;
  wallMs: number;
  userCpuMs: number;
  systemCpuMs: number;
  maxRssKiB: number;
}

export interface NxRun {
  seconds: number;
  code: number;
  output: string;
  /** Tasks Nx took from its cache, and all tasks, when its summary says. */
  cache: { hits: number; tasks: number } | undefined;
  steps: StepRecord[];
}

function cacheSummary(output: string): NxRun['cache'] {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const match = /Cache:\s+(\d+)\/(\d+) hit/.exec(plain);
  return match ? { hits: Number(match[1]), tasks: Number(match[2]) } : undefined;
}

async function readProbe(file: string): Promise<StepRecord[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  await rm(file, { force: true });
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as StepRecord);
}

/** Runs `nx <args>` in `root` with no daemon and no cloud, as the end-to-end tests do. */
export async function timeNx(root: string, args: string[]): Promise<NxRun> {
  const probeFile = join(root, `.bench-probe-${process.pid}.jsonl`);
  const env = isolatedEnv({
    NODE_OPTIONS: `--import ${PROBE}`,
    PIPELINE_BENCH_PROBE_FILE: probeFile,
  });
  const nxBin = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  const started = performance.now();
  const child = spawn(process.execPath, [nxBin, ...args], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, code, output, cache: cacheSummary(output), steps: await readProbe(probeFile) };
}
