// MLflow's rules for param, metric and tag keys. The file store turns keys into file names,
// so a key that could escape its folder is rejected here, before anything is written.
import { posix } from 'node:path';
import { PipelineError } from '@pipeline/errors';

const MAX_KEY_LENGTH = 250;
const KEY_CHARACTERS = /^[\p{L}\p{N}_/.\- :]+$/u;

export type EntityKind = 'param' | 'metric' | 'tag';

function describeProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (!KEY_CHARACTERS.test(key)) {
    return 'may only hold letters, digits, and _ - . : / or spaces';
  }
  const normalized = posix.normalize(key);
  if (normalized !== key || key === '.' || key.startsWith('..') || key.startsWith('/')) {
    return 'must be a plain relative name (no "..", leading "/" or doubled "/")';
  }
  return undefined;
}

export function assertValidEntityKey(kind: EntityKind, key: string): void {
  const problem = describeProblem(key);
  if (problem === undefined) return;
  throw new PipelineError('TRACKING_FAILED', `the MLflow ${kind} key '${key}' ${problem}`, {
    field: key,
    hint: `Rename the ${kind}; MLflow would reject this key too.`,
  });
}

/** Artifact paths are relative, slash-separated and stay inside the run's artifact folder. */
export function assertValidArtifactPath(artifactPath: string): void {
  const normalized = posix.normalize(artifactPath);
  const leavesFolder = normalized === '..' || normalized.startsWith('../');
  const notRelative = artifactPath.startsWith('/') || artifactPath.includes('\\');
  if (artifactPath !== '' && !leavesFolder && !notRelative) return;
  throw new PipelineError('TRACKING_FAILED', `the artifact path '${artifactPath}' is not valid`, {
    field: artifactPath,
    hint: 'Use a relative path with "/" separators, such as "model" or "plots/confusion".',
  });
}
