// The strict validator of a compiled pipeline spec: the document parses as Kubeflow's
// PipelineSpec with nothing unknown, passes the API server's upload checks, and every name in it
// resolves (components, executors, producer tasks, placeholders) in DAGs without cycles.
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { dagProblems } from './dag-checks.ts';
import { executorProblems } from './executor-checks.ts';
import { declarationProblems } from './parameter-values.ts';
import { pipelineSpec, type ComponentSpec, type PipelineSpec } from './pipeline-spec.ts';
import type { SpecProblem } from './spec-problem.ts';
import { uploadProblems } from './upload-checks.ts';

export type SpecValidation =
  { ok: true; spec: PipelineSpec } | { ok: false; problems: SpecProblem[] };

function issueProblems(issue: z.core.$ZodIssue): SpecProblem[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path === '' ? key : `${path}.${key}`,
      message: "unknown field: Kubeflow's PipelineSpec has no such field",
    }));
  }
  return [{ path, message: issue.message }];
}

function componentProblems(spec: PipelineSpec): SpecProblem[] {
  const components = spec.components ?? {};
  const owners = Object.entries(components).map(([name, component]): [string, ComponentSpec] => [
    `components.${name}`,
    component,
  ]);
  if (spec.root !== undefined) owners.unshift(['root', spec.root]);
  const problems: SpecProblem[] = [];
  for (const [path, owner] of owners) {
    problems.push(...declarationProblems(path, owner));
    const tasks = owner.dag?.tasks;
    if (tasks === undefined) continue;
    problems.push(...dagProblems({ path: `${path}.dag`, owner, tasks, components }));
  }
  if (spec.root !== undefined && spec.root.dag === undefined) {
    problems.push({ path: 'root.dag', message: "a pipeline's root component must be a DAG" });
  }
  return problems;
}

export function validatePipelineSpec(document: unknown): SpecValidation {
  const parsed = pipelineSpec.safeParse(document);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(issueProblems) };
  const spec = parsed.data;
  const problems = [...uploadProblems(spec), ...componentProblems(spec), ...executorProblems(spec)];
  return problems.length === 0 ? { ok: true, spec } : { ok: false, problems };
}

/** A pipeline.yaml as Kubeflow reads it: one YAML document holding the pipeline spec. */
export function validatePipelineYaml(text: string): SpecValidation {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length !== 1) {
    return { ok: false, problems: [{ path: '', message: 'expected exactly one YAML document' }] };
  }
  const [document] = documents;
  const syntax = document!.errors[0];
  if (syntax !== undefined) {
    return { ok: false, problems: [{ path: '', message: `not YAML: ${syntax.message}` }] };
  }
  return validatePipelineSpec(document!.toJS());
}
