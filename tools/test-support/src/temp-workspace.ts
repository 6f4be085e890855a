// A throwaway copy of this workspace, with its own git history and Nx cache, for tests that run
// the real `nx` CLI without touching the developer's checkout.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from './python.ts';

const run = promisify(execFile);

const NOT_COPIED = new Set([
  'dist',
  'node_modules',
  'output',
  'mlruns',
  '.nx',
  '.cache',
  '.venv-test',
  '.git',
  'test-results',
]);

export interface NxResult {
  code: number;
  output: string;
}

export interface TempWorkspace {
  root: string;
  nx(args: string[], env?: Record<string, string>): Promise<NxResult>;
  git(args: string[]): Promise<string>;
  dispose(): Promise<void>;
}

async function copyWorkspace(target: string) {
  await cp(WORKSPACE_ROOT, target, {
    recursive: true,
    filter: (source) => {
      const parts = relative(WORKSPACE_ROOT, source).split('/');
      return !parts.some((part) => NOT_COPIED.has(part) || part.includes('.tmp-'));
    },
  });
  await symlink(join(WORKSPACE_ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Environment for child processes: no daemon, no cloud, no inherited tracking settings. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MLFLOW_') || key.startsWith('NX_')) delete env[key];
  }
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...extra };
}

export async function createTempWorkspace(): Promise<TempWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'pipeline-ws-'));
  await copyWorkspace(root);
  const git = async (args: string[]) =>
    (await run('git', args, { cwd: root, env: isolatedEnv() })).stdout;
  await git(['init', '-q', '-b', 'main']);
  await git(['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', 'add', '-A']);
  await git([
    '-c',
    'user.email=test@example.invalid',
    '-c',
    'user.name=test',
    'commit',
    '-qm',
    'workspace copy',
  ]);
  return {
    root,
    git,
    async nx(args, env = {}) {
      const nxBin = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
      try {
        const { stdout, stderr } = await run(process.execPath, [nxBin, ...args], {
          cwd: root,
          env: isolatedEnv(env),
          maxBuffer: 64 * 1024 * 1024,
        });
        return { code: 0, output: stdout + stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
      }
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
