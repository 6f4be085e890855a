// The referential checks of one DAG: tasks name existing components, their inputs resolve,
// their order has no cycle, and the DAG's own outputs come from existing task outputs.
import { componentOfTask, type DagContext } from './dag-context.ts';
import { orderProblems } from './dag-order.ts';
import type { SpecProblem } from './spec-problem.ts';
import { taskInputProblems } from './task-inputs.ts';

function taskProblems(context: DagContext): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [name, task] of Object.entries(context.tasks)) {
    const path = `${context.path}.tasks.${name}`;
    const reference = task.componentRef?.name;
    const component = reference === undefined ? undefined : context.components[reference];
    if (component === undefined) {
      const message =
        reference === undefined
          ? 'the task names no component'
          : `no component '${reference}' in components`;
      problems.push({ path: `${path}.componentRef.name`, message });
      continue;
    }
    problems.push(...taskInputProblems({ context, name, path, component }));
  }
  return problems;
}

type OutputKind = 'artifact' | 'parameter';

interface OutputSelector {
  task: string;
  key: string;
}

function selectorProblem(context: DagContext, kind: OutputKind, { task, key }: OutputSelector) {
  const component = componentOfTask(context, task);
  if (component === undefined) return `no task '${task}' in this DAG`;
  const definitions = component.outputDefinitions;
  const outputs = kind === 'artifact' ? definitions?.artifacts : definitions?.parameters;
  return key in (outputs ?? {}) ? undefined : `task '${task}' has no output ${kind} '${key}'`;
}

function selectorProblems(
  context: DagContext,
  path: string,
  kind: OutputKind,
  selectors: OutputSelector[],
): SpecProblem[] {
  return selectors.flatMap((selector) => {
    const message = selectorProblem(context, kind, selector);
    return message === undefined ? [] : [{ path, message }];
  });
}

function dagOutputProblems(context: DagContext, outputs: DagOutputs): SpecProblem[] {
  const artifacts = Object.entries(outputs.artifacts ?? {}).flatMap(([name, output]) => {
    const selectors = (output.artifactSelectors ?? []).map((selector) => ({
      task: selector.producerSubtask ?? '',
      key: selector.outputArtifactKey ?? '',
    }));
    return selectorProblems(
      context,
      `${context.path}.outputs.artifacts.${name}`,
      'artifact',
      selectors,
    );
  });
  const parameters = Object.entries(outputs.parameters ?? {}).flatMap(([name, output]) => {
    const chosen = output.valueFromParameter
      ? [output.valueFromParameter]
      : (output.valueFromOneof?.parameterSelectors ?? []);
    const selectors = chosen.map((selector) => ({
      task: selector.producerSubtask ?? '',
      key: selector.outputParameterKey ?? '',
    }));
    const path = `${context.path}.outputs.parameters.${name}`;
    return selectorProblems(context, path, 'parameter', selectors);
  });
  return [...artifacts, ...parameters];
}

type DagOutputs = NonNullable<NonNullable<DagContext['owner']['dag']>['outputs']>;

export function dagProblems(context: DagContext): SpecProblem[] {
  const outputs = context.owner.dag?.outputs;
  return [
    ...taskProblems(context),
    ...orderProblems(context),
    ...(outputs === undefined ? [] : dagOutputProblems(context, outputs)),
  ];
}
