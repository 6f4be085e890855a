// Tags that tie a run to the code and the Nx task that produced it.
import { execFileSync } from 'node:child_process';

function gitValue(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim();
  } catch {
    return undefined; // not a git checkout, e.g. inside a container image
  }
}

/** `datasetDigest` is the raw file's sha256, the same content hash the dataset inputs carry. */
export function runTags(
  dataset: string,
  datasetDigest: string,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const tags: Record<string, string> = {
    'pipeline.dataset': dataset,
    'pipeline.dataset_digest': datasetDigest,
  };
  const commit = gitValue(['rev-parse', 'HEAD']);
  const branch = gitValue(['rev-parse', '--abbrev-ref', 'HEAD']);
  if (commit) tags['mlflow.source.git.commit'] = commit;
  if (branch && branch !== 'HEAD') tags['mlflow.source.git.branch'] = branch;
  if (env.NX_TASK_TARGET_PROJECT) {
    tags['nx.task'] = `${env.NX_TASK_TARGET_PROJECT}:${env.NX_TASK_TARGET_TARGET ?? 'train'}`;
  }
  if (env.NX_TASK_HASH) tags['nx.task_hash'] = env.NX_TASK_HASH;
  return tags;
}
