// Lays out a target's image filesystem in a folder, without a Docker engine: each COPY from the
// build context is copied (minus .dockerignore), and the deps stage's `npm ci --omit=dev` is
// stood in for by links to this workspace's production packages, the others left out. Running
// the entrypoint there shows the image holds every file its step needs.
import { readFileSync, statSync } from 'node:fs';
import { cp, mkdir, symlink } from 'node:fs/promises';
import { basename, dirname, join, posix, relative } from 'node:path';
import { copyInstructions, lastSetting, type Stage } from './dockerfile.ts';
import { isIgnored, type IgnoreRules } from './dockerignore.ts';

interface LockPackage {
  dev?: boolean;
  link?: boolean;
  resolved?: string;
}

export interface ImageContext {
  /** The build context: the workspace root. */
  contextDir: string;
  ignore: IgnoreRules;
}

function imagePath(root: string, workdir: string, destination: string): string {
  return join(root, posix.resolve(workdir, destination));
}

/** node_modules as `npm ci --omit=dev` leaves it: production packages and workspace links. */
async function productionNodeModules(contextDir: string, target: string) {
  const lock = JSON.parse(readFileSync(join(contextDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.startsWith('node_modules/') ? key.slice('node_modules/'.length) : undefined;
    if (name === undefined || name.includes('/node_modules/') || entry.dev) continue;
    const link = join(target, name);
    await mkdir(dirname(link), { recursive: true });
    // Workspace packages link into the image's own copy of the sources, as npm links them.
    const pointsTo = entry.link
      ? relative(dirname(link), join(dirname(target), entry.resolved ?? ''))
      : join(contextDir, 'node_modules', name);
    await symlink(pointsTo, link);
  }
}

/** COPY's rules: a folder's content goes into the destination; a file goes to it, or into it. */
async function copyFromContext(
  context: ImageContext,
  source: string,
  target: string,
  into: boolean,
) {
  const from = join(context.contextDir, source);
  const destination =
    into && !statSync(from).isDirectory() ? join(target, basename(source)) : target;
  await cp(from, destination, {
    recursive: true,
    filter: (path) => !isIgnored(context.ignore, relative(context.contextDir, path)),
  });
}

/** Builds the image of the last stage of `chain` under `root`; returns its working directory. */
export async function layOutImage(context: ImageContext, chain: Stage[], root: string) {
  let workdir = '/';
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'WORKDIR') workdir = posix.resolve(workdir, instruction.value);
      if (instruction.keyword !== 'COPY') continue;
      const [copy] = copyInstructions({ ...stage, instructions: [instruction] });
      const target = imagePath(root, workdir, copy!.destination);
      if (copy!.fromStage !== undefined) {
        if (!copy!.sources.every((source) => source.endsWith('node_modules'))) {
          throw new Error(`line ${copy!.line}: only node_modules can come from another stage`);
        }
        await productionNodeModules(context.contextDir, target);
        continue;
      }
      const into = copy!.destination.endsWith('/') || copy!.sources.length > 1;
      for (const source of copy!.sources) await copyFromContext(context, source, target, into);
    }
  }
  return join(root, lastSetting(chain, 'WORKDIR')?.value ?? '/');
}
