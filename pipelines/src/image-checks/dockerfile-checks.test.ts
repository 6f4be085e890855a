// What can be checked of the step images without a Docker engine: every COPY source exists in
// the build context, bases are pinned, steps run as a non-root user with the step's command as
// entrypoint, and that entrypoint starts in the image's file layout.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../compile-cli.ts';
import { STEPS_WITH_IMAGES } from '../images/step-images.ts';
import { compileFor } from '../testing/compiled-specs.ts';
import { executorOf } from '../testing/kubeflow-launcher.ts';
import { copyInstructions, entrypointOf, lastSetting, stageChain } from './dockerfile.ts';
import { isIgnored } from './dockerignore.ts';
import { buildContext, DOCKERIGNORE, layOutTarget, readInfraDockerfile } from './image-layout.ts';

const run = promisify(execFile);
const dockerfile = readInfraDockerfile();
const context = buildContext();
const { spec } = compileFor('iris');
const laidOut: string[] = [];

afterAll(() => Promise.all(laidOut.map((root) => rm(root, { recursive: true, force: true }))));

/** Runs an exec-form entrypoint in a laid-out image; `node` is this test's own node. */
async function startEntrypoint(entrypoint: string[], workdir: string, args: string[]) {
  const [program, ...rest] = entrypoint;
  expect(program).toBe('node');
  return run(process.execPath, [...rest, ...args], {
    cwd: workdir,
    env: { ...process.env, DEBUG: '' },
  })
    .then(({ stdout }) => ({ code: 0, stdout, stderr: '' }))
    .catch((error: { code: number; stdout: string; stderr: string }) => error);
}

describe('infra/Dockerfile', () => {
  it('copies only sources that exist in the build context and are not ignored', () => {
    const sources = dockerfile.stages.flatMap((stage) =>
      copyInstructions(stage)
        .filter((copy) => copy.fromStage === undefined)
        .flatMap((c) => c.sources),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      expect(existsSync(join(WORKSPACE_ROOT, source)), source).toBe(true);
      expect(isIgnored(context.ignore, source), source).toBe(false);
    }
  });

  it('builds every stage from another stage or a base pinned by version and digest', () => {
    const names = new Set(dockerfile.stages.map((stage) => stage.name));
    for (const stage of dockerfile.stages) {
      if (names.has(stage.from)) continue;
      expect(stage.from).toMatch(/^[\w./-]+:\d+\.\d+\.\d+[\w.-]*@sha256:[0-9a-f]{64}$/);
    }
  });

  it('installs the production dependencies from the lock file in a stage of its own', () => {
    const deps = dockerfile.stages.find((stage) => stage.name === 'deps')!;
    const runs = deps.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.value);
    expect(runs.some((command) => /\bnpm ci --omit=dev\b/.test(command))).toBe(true);
    expect(copyInstructions(deps)[0]!.sources).toEqual(['package.json', 'package-lock.json']);
  });

  it('keeps tests and local state out of the build context', () => {
    expect(existsSync(DOCKERIGNORE)).toBe(true);
    for (const path of ['node_modules', 'libs/cli/src/run-cli.test.ts', 'output/iris', '.git']) {
      expect(isIgnored(context.ignore, path), path).toBe(true);
    }
    expect(isIgnored(context.ignore, 'libs/cli/src/run-cli.ts')).toBe(false);
  });

  describe.each(STEPS_WITH_IMAGES)('the %s target', (step) => {
    const chain = stageChain(dockerfile, step);

    it('runs as a user other than root', () => {
      const user = lastSetting(chain, 'USER')?.value;
      expect(user).toBeDefined();
      expect(['root', '0']).not.toContain(user!.split(':')[0]);
    });

    it("has the Kubeflow executor's command as entrypoint", () => {
      expect(entrypointOf(chain)).toEqual(executorOf(spec, step)!.command);
    });

    it('holds the entrypoint script, which starts and prints its usage', async () => {
      const { root, workdir } = await layOutTarget(step, chain, context);
      laidOut.push(root);
      const entrypoint = entrypointOf(chain)!;
      expect(existsSync(join(workdir, entrypoint.at(-1)!))).toBe(true);
      const started = await startEntrypoint(entrypoint, workdir, ['--help']);
      expect(started.code, started.stderr).toBe(0);
      expect(started.stdout).toMatch(new RegExp(`^usage: ${step} \\[options\\]`));
    });
  });

  it('would not start a step whose image lacks a library the step imports', async () => {
    const chain = stageChain(dockerfile, 'train').map((stage) => ({
      ...stage,
      instructions: stage.instructions.filter((i) => !i.value.startsWith('libs/kubeflow-outputs')),
    }));
    const { root, workdir } = await layOutTarget('train-incomplete', chain, context);
    laidOut.push(root);
    const started = await startEntrypoint(entrypointOf(chain)!, workdir, ['--help']);
    expect(started.code).not.toBe(0);
    expect(started.stderr).toMatch(/kubeflow-outputs/);
  });

  it('leaves the test files out of the images', async () => {
    const { root, workdir } = await layOutTarget('prepare', undefined, context);
    laidOut.push(root);
    expect(existsSync(join(workdir, 'libs/prepare/src/prepare-dataset.ts'))).toBe(true);
    expect(existsSync(join(workdir, 'libs/prepare/src/prepare-dataset.test.ts'))).toBe(false);
    expect(readFileSync(join(workdir, 'package.json'), 'utf8')).toContain('"workspaces"');
  });
});
