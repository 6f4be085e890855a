// Test support: what Kubeflow's launcher makes of an executor's arguments for one task, with
// the run's parameter values, local folders for the artifacts, and an executor input document.
import type { PipelineSpec } from '../spec/pipeline-spec.ts';

export interface TaskRun {
  /** Values of the run parameters; defaults fill the rest. */
  runValues?: Record<string, unknown>;
  /** Local path of each input and output artifact, by artifact name. */
  artifactPaths: Record<string, string>;
  /** What `{{$}}` stands for. */
  executorInput?: string;
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64) for the numbers these tests use. */
function formatValue(name: string, value: unknown): string {
  if (value === undefined) throw new Error(`no value for the input parameter '${name}'`);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const text = String(value);
    if (/e/i.test(text)) throw new Error(`no plain decimal form for ${text} in this helper`);
    return text;
  }
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The value each component input parameter of a root task resolves to. */
export function taskParameterValues(spec: PipelineSpec, task: string, run: TaskRun) {
  const rootParameters = spec.root?.inputDefinitions?.parameters ?? {};
  const inputs = spec.root?.dag?.tasks?.[task]?.inputs?.parameters ?? {};
  const values: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (input.componentInputParameter !== undefined) {
      const parameter = input.componentInputParameter;
      values[name] = run.runValues?.[parameter] ?? rootParameters[parameter]?.defaultValue;
    } else if (input.runtimeValue?.constant !== undefined) {
      values[name] = input.runtimeValue.constant;
    }
  }
  return values;
}

export function executorOf(spec: PipelineSpec, task: string) {
  const component = spec.components?.[spec.root?.dag?.tasks?.[task]?.componentRef?.name ?? ''];
  return spec.deploymentSpec?.executors?.[component?.executorLabel ?? '']?.container;
}

/** The argument list the launcher starts the task's container with. */
export function renderTaskArgs(spec: PipelineSpec, task: string, run: TaskRun): string[] {
  const values = taskParameterValues(spec, task, run);
  return (executorOf(spec, task)?.args ?? []).map((arg) =>
    arg
      .replace(/\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}/g, (_, name) =>
        formatValue(name, values[name]),
      )
      .replace(/\{\{\$\.(?:inputs|outputs)\.artifacts\['([^']+)'\]\.path\}\}/g, (_, name) => {
        const path = run.artifactPaths[name];
        if (path === undefined) throw new Error(`no local path for artifact '${name}'`);
        return path;
      })
      .replace('{{$}}', () => run.executorInput ?? '{}'),
  );
}
