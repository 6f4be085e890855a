// One thing wrong with a pipeline spec, located by its path in the document.
export interface SpecProblem {
  /** Dotted path into the document, e.g. `root.dag.tasks.train.componentRef.name`. */
  path: string;
  message: string;
}

export function formatSpecProblems(problems: SpecProblem[]): string {
  return problems
    .map((problem) => `${problem.path || '(document)'}: ${problem.message}`)
    .join('\n');
}
