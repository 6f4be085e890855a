// Preloaded into every Node process of a benchmarked `nx run` (through NODE_OPTIONS): when the
// process is a step CLI, it appends the step's wall time and peak memory, as the OS counts them,
// to the file PIPELINE_BENCH_PROBE_FILE names. Plain JavaScript: it loads into every Node
// process, before tsx where a step runs from its TypeScript source.
import { appendFileSync } from 'node:fs';

// A step CLI from its source (apps/<step>/src/cli.ts) or from its bundle (dist/steps/<step>.mjs).
const STEP_CLI = /(?:apps[/\\]([\w-]+)[/\\]src[/\\]cli\.ts|dist[/\\]steps[/\\]([\w-]+)\.mjs)$/;
const probeFile = process.env.PIPELINE_BENCH_PROBE_FILE;
const found = STEP_CLI.exec(process.argv[1] ?? '');
const step = found?.[1] ?? found?.[2];

if (probeFile && step) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const record = {
      step,
      project: process.env.NX_TASK_TARGET_PROJECT ?? '',
      target: process.env.NX_TASK_TARGET_TARGET ?? '',
      exitCode: code,
      // performance.now() counts from the start of the process.
      wallMs: performance.now(),
      userCpuMs: usage.userCPUTime / 1000,
      systemCpuMs: usage.systemCPUTime / 1000,
      maxRssKiB: usage.maxRSS,
    };
    appendFileSync(probeFile, `${JSON.stringify(record)}\n`);
  });
}
