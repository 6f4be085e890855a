// The checks the Kubeflow API server makes when a pipeline is uploaded, beyond parsing it.
import { SCHEMA_VERSION, type PipelineSpec } from './pipeline-spec.ts';
import type { SpecProblem } from './spec-problem.ts';

/**
 * Lowercase DNS-style labels joined by dots. The API server tests this pattern unanchored, so it
 * lets more through; anchoring it keeps names that every Kubeflow version accepts.
 */
const PIPELINE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function uploadProblems(spec: PipelineSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (spec.schemaVersion !== SCHEMA_VERSION) {
    problems.push({
      path: 'schemaVersion',
      message: `Kubeflow accepts ${SCHEMA_VERSION} only, not '${spec.schemaVersion ?? ''}'`,
    });
  }
  const name = spec.pipelineInfo?.name ?? '';
  if (name === '') {
    problems.push({ path: 'pipelineInfo.name', message: 'the pipeline name is empty' });
  } else if (!PIPELINE_NAME.test(name)) {
    problems.push({
      path: 'pipelineInfo.name',
      message:
        `'${name}' must be lowercase letters, digits, '-' and '.', starting and ending ` +
        'with a letter or digit',
    });
  }
  if (spec.root === undefined) {
    problems.push({ path: 'root', message: 'the root component is missing' });
  }
  return problems;
}
