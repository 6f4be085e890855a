// Test support: the infra/ Dockerfile as parsed, and each step's image laid out in a folder.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../compile-cli.ts';
import { parseDockerfile, stageChain, type Stage } from './dockerfile.ts';
import { parseDockerignore } from './dockerignore.ts';
import { layOutImage, type ImageContext } from './simulated-image.ts';

export const DOCKERFILE = join(WORKSPACE_ROOT, 'infra', 'Dockerfile');
export const DOCKERIGNORE = `${DOCKERFILE}.dockerignore`;

export function readInfraDockerfile() {
  return parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
}

export function buildContext(contextDir = WORKSPACE_ROOT): ImageContext {
  return { contextDir, ignore: parseDockerignore(readFileSync(DOCKERIGNORE, 'utf8')) };
}

/** Lays out a target's image under a new temporary folder; returns it and the working folder. */
export async function layOutTarget(target: string, chain?: Stage[], context = buildContext()) {
  const root = await mkdtemp(join(tmpdir(), `image-${target}-`));
  const stages = chain ?? stageChain(readInfraDockerfile(), target);
  return { root, workdir: await layOutImage(context, stages, root) };
}
