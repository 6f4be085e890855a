// Where each step of a dataset writes, relative to the workspace root (git-ignored `output/`).
export const OUTPUT_ROOT = 'output';

export type PipelineTarget = 'config' | 'ingest' | 'prepare' | 'train';

export function stepOutputDir(dataset: string, target: PipelineTarget): string {
  return `${OUTPUT_ROOT}/${dataset}/${target}`;
}
