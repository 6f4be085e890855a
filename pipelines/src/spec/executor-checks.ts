// Components and executors refer to each other: every executor label resolves to a container
// that Kubeflow can start, whose placeholders name the component's own inputs and outputs.
import type { ComponentSpec, ExecutorSpec, PipelineSpec } from './pipeline-spec.ts';
import { placeholderProblem, placeholdersIn } from './placeholders.ts';
import type { SpecProblem } from './spec-problem.ts';

function containerProblems(path: string, executor: ExecutorSpec, component: ComponentSpec) {
  const container = executor.container;
  if (container === undefined) return [];
  const problems: SpecProblem[] = [];
  if (!container.image) problems.push({ path: `${path}.image`, message: 'the image is empty' });
  if ((container.command ?? []).length === 0) {
    const message =
      "Kubeflow's launcher needs the command to run; the image's entrypoint is not used";
    problems.push({ path: `${path}.command`, message });
  }
  for (const field of ['command', 'args'] as const) {
    (container[field] ?? []).forEach((text, index) => {
      for (const placeholder of placeholdersIn(text)) {
        const message = placeholder.closed
          ? placeholderProblem(placeholder.body, component)
          : `'${text}' opens a placeholder that is never closed`;
        if (message) problems.push({ path: `${path}.${field}.${index}`, message });
      }
    });
  }
  return problems;
}

/** Executor labels that resolve, placeholders that resolve, and no executor left unused. */
export function executorProblems(spec: PipelineSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const executors = spec.deploymentSpec?.executors ?? {};
  const used = new Set<string>();
  for (const [name, component] of Object.entries(spec.components ?? {})) {
    const label = component.executorLabel;
    if (label === undefined) continue;
    used.add(label);
    const executor = executors[label];
    if (executor === undefined) {
      const message = `no executor '${label}' in deploymentSpec.executors`;
      problems.push({ path: `components.${name}.executorLabel`, message });
      continue;
    }
    const path = `deploymentSpec.executors.${label}.container`;
    problems.push(...containerProblems(path, executor, component));
  }
  for (const label of Object.keys(executors)) {
    if (used.has(label)) continue;
    const message = 'no component uses this executor';
    problems.push({ path: `deploymentSpec.executors.${label}`, message });
  }
  return problems;
}
