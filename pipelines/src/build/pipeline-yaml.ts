// Writes a pipeline spec as the pipeline.yaml that the Kubeflow UI uploads: keys sorted, as
// Kubeflow's SDK writes them, so a recompile changes only lines whose meaning changed.
import { stringify } from 'yaml';
import type { PipelineSpec } from '../spec/pipeline-spec.ts';

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, field]) => [key, sortedKeys(field)]));
}

function header(spec: PipelineSpec, compileCommand: string): string {
  const parameters = Object.keys(spec.root?.inputDefinitions?.parameters ?? {}).sort();
  return [
    `# Kubeflow Pipelines v2 spec of '${spec.pipelineInfo?.name}', compiled from`,
    `# pipelines/main_pipeline.ts. Do not edit: run \`${compileCommand}\` instead.`,
    `# Run parameters: ${parameters.join(', ')}`,
    '',
  ].join('\n');
}

export function pipelineYaml(spec: PipelineSpec, compileCommand: string): string {
  // lineWidth 0: never fold long strings such as the executor's arguments.
  return header(spec, compileCommand) + stringify(sortedKeys(spec), { lineWidth: 0 });
}
