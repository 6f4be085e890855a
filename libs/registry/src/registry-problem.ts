// One thing wrong with datasets.yaml, located to the line and column, with what to do about it.
import { PipelineError } from '@pipeline/errors';

export interface RegistryProblem {
  dataset?: string;
  field?: string;
  line?: number;
  column?: number;
  message: string;
}

export function describeProblem(problem: RegistryProblem): string {
  const where = problem.line === undefined ? '' : `line ${problem.line}:${problem.column}: `;
  const field = problem.field ? `'${problem.field}' ` : '';
  return `${where}${field}${problem.message}`;
}

const listItem = (problem: RegistryProblem) => `  - ${describeProblem(problem)}`;

/** One error for all problems of one dataset (or of the file), so the user fixes them in one go. */
export function problemsToError(file: string, problems: RegistryProblem[]): PipelineError {
  const first = problems[0]!;
  const message =
    problems.length === 1
      ? first.message
      : `${problems.length} problems:\n${problems.map(listItem).join('\n')}`;
  return new PipelineError('REGISTRY_INVALID', message, {
    dataset: first.dataset,
    file,
    line: problems.length === 1 ? first.line : undefined,
    column: problems.length === 1 ? first.column : undefined,
    field: problems.length === 1 ? first.field : undefined,
    hint: 'Fix the entry in datasets.yaml and run again.',
  });
}
