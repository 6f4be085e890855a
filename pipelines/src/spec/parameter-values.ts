// Whether a constant fits a parameter type, and the checks on declared parameters and artifacts.
import type { ComponentSpec, InputParameterSpec, ParameterType } from './pipeline-spec.ts';
import type { SpecProblem } from './spec-problem.ts';

/** `<namespace>.<title>`, e.g. system.Dataset: the form the proto asks of a schema title. */
const SCHEMA_TITLE = /^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/;

export function valueFitsType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_DOUBLE':
      return typeof value === 'number';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

function parameterProblems(path: string, spec: InputParameterSpec): SpecProblem[] {
  const type = spec.parameterType;
  if (type === undefined || isUntyped(type)) {
    return [{ path: `${path}.parameterType`, message: 'every parameter needs a parameterType' }];
  }
  if (spec.defaultValue !== undefined && !valueFitsType(spec.defaultValue, type)) {
    const shown = JSON.stringify(spec.defaultValue);
    return [{ path: `${path}.defaultValue`, message: `${shown} is not a ${type} value` }];
  }
  return [];
}

function artifactTypeProblems(path: string, title: string | undefined): SpecProblem[] {
  if (title === undefined || SCHEMA_TITLE.test(title)) return [];
  return [{ path, message: `schema title '${title}' is not of the form <namespace>.<title>` }];
}

function isUntyped(type: ParameterType | undefined): boolean {
  return type === undefined || type === 'PARAMETER_TYPE_ENUM_UNSPECIFIED';
}

function artifactEntries(component: ComponentSpec) {
  const inputs = Object.entries(component.inputDefinitions?.artifacts ?? {});
  const outputs = Object.entries(component.outputDefinitions?.artifacts ?? {});
  return [
    ...inputs.map(([name, spec]) => [`inputDefinitions.artifacts.${name}`, spec] as const),
    ...outputs.map(([name, spec]) => [`outputDefinitions.artifacts.${name}`, spec] as const),
  ];
}

/** Types, defaults and artifact type names of one component's inputs and outputs. */
export function declarationProblems(path: string, component: ComponentSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [name, spec] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    problems.push(...parameterProblems(`${path}.inputDefinitions.parameters.${name}`, spec));
  }
  for (const [name, spec] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    if (isUntyped(spec.parameterType)) {
      const where = `${path}.outputDefinitions.parameters.${name}.parameterType`;
      problems.push({ path: where, message: 'every parameter needs a parameterType' });
    }
  }
  for (const [where, artifact] of artifactEntries(component)) {
    const title = artifact.artifactType?.schemaTitle;
    problems.push(...artifactTypeProblems(`${path}.${where}.artifactType.schemaTitle`, title));
  }
  return problems;
}
