// Every input a task passes resolves: the component declares it, and its value comes from an
// input of the enclosing component, a sibling task's output, or a constant of the right type.
import { componentOfTask, type DagContext } from './dag-context.ts';
import { valueFitsType } from './parameter-values.ts';
import type { ComponentSpec, TaskInputArtifact, TaskInputParameter } from './pipeline-spec.ts';
import type { SpecProblem } from './spec-problem.ts';

export interface TaskInContext {
  context: DagContext;
  /** The task's name, and its path in the document. */
  name: string;
  path: string;
  component: ComponentSpec;
}

function producerProblem(task: TaskInContext, producer: string): string | undefined {
  if (producer === task.name) return 'a task cannot read its own output';
  if (!(producer in task.context.tasks)) return `no task '${producer}' in this DAG`;
  if (componentOfTask(task.context, producer) === undefined) return `task '${producer}' is broken`;
  return undefined;
}

function parameterSourceProblem(task: TaskInContext, key: string, input: TaskInputParameter) {
  const ownerInputs = task.context.owner.inputDefinitions?.parameters ?? {};
  const declared = task.component.inputDefinitions?.parameters?.[key];
  if (input.componentInputParameter !== undefined) {
    const name = input.componentInputParameter;
    return name in ownerInputs ? undefined : `the enclosing component has no parameter '${name}'`;
  }
  const output = input.taskOutputParameter;
  if (output !== undefined) {
    const producer = output.producerTask ?? '';
    const problem = producerProblem(task, producer);
    if (problem) return problem;
    const outputs = componentOfTask(task.context, producer)!.outputDefinitions?.parameters ?? {};
    const outputKey = output.outputParameterKey ?? '';
    return outputKey in outputs ? undefined : `task '${producer}' has no output '${outputKey}'`;
  }
  const runtime = input.runtimeValue;
  if (runtime?.runtimeParameter !== undefined) {
    const name = runtime.runtimeParameter;
    return name in ownerInputs ? undefined : `the enclosing component has no parameter '${name}'`;
  }
  if (runtime?.constant !== undefined) {
    const type = declared?.parameterType;
    if (type === undefined || valueFitsType(runtime.constant, type)) return undefined;
    return `the constant ${JSON.stringify(runtime.constant)} is not a ${type} value`;
  }
  if (runtime?.constantValue !== undefined) return undefined;
  if (input.taskFinalStatus !== undefined) {
    return producerProblem(task, input.taskFinalStatus.producerTask ?? '');
  }
  return 'the input names no source of its value';
}

function artifactSourceProblem(task: TaskInContext, key: string, input: TaskInputArtifact) {
  const wanted = task.component.inputDefinitions?.artifacts?.[key]?.artifactType?.schemaTitle;
  let given: string | undefined;
  if (input.componentInputArtifact !== undefined) {
    const name = input.componentInputArtifact;
    const ownerInput = task.context.owner.inputDefinitions?.artifacts?.[name];
    if (ownerInput === undefined) return `the enclosing component has no artifact '${name}'`;
    given = ownerInput.artifactType?.schemaTitle;
  } else if (input.taskOutputArtifact !== undefined) {
    const producer = input.taskOutputArtifact.producerTask ?? '';
    const problem = producerProblem(task, producer);
    if (problem) return problem;
    const outputs = componentOfTask(task.context, producer)!.outputDefinitions?.artifacts ?? {};
    const outputKey = input.taskOutputArtifact.outputArtifactKey ?? '';
    if (!(outputKey in outputs)) return `task '${producer}' has no output artifact '${outputKey}'`;
    given = outputs[outputKey]!.artifactType?.schemaTitle;
  } else {
    return 'the input names no source of its artifact';
  }
  if (wanted === undefined || given === undefined || wanted === given) return undefined;
  return `a ${given} artifact is passed where the component takes a ${wanted}`;
}

function declaredInputProblems(task: TaskInContext): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const declared = task.component.inputDefinitions;
  const given = task.context.tasks[task.name]!.inputs;
  const groups = [
    ['parameters', declared?.parameters ?? {}, given?.parameters ?? {}],
    ['artifacts', declared?.artifacts ?? {}, given?.artifacts ?? {}],
  ] as const;
  for (const [group, accepted, passed] of groups) {
    for (const key of Object.keys(passed)) {
      if (key in accepted) continue;
      const path = `${task.path}.inputs.${group}.${key}`;
      problems.push({ path, message: `the component declares no input '${key}'` });
    }
    for (const [key, spec] of Object.entries(accepted)) {
      const optional = spec.isOptional === true || 'defaultValue' in spec;
      if (optional || key in passed) continue;
      const path = `${task.path}.inputs.${group}`;
      problems.push({ path, message: `the required input '${key}' is not passed` });
    }
  }
  return problems;
}

export function taskInputProblems(task: TaskInContext): SpecProblem[] {
  const problems = declaredInputProblems(task);
  const inputs = task.context.tasks[task.name]!.inputs;
  for (const [key, input] of Object.entries(inputs?.parameters ?? {})) {
    const message = parameterSourceProblem(task, key, input);
    if (message) problems.push({ path: `${task.path}.inputs.parameters.${key}`, message });
  }
  for (const [key, input] of Object.entries(inputs?.artifacts ?? {})) {
    const message = artifactSourceProblem(task, key, input);
    if (message) problems.push({ path: `${task.path}.inputs.artifacts.${key}`, message });
  }
  return problems;
}
