// The order of a DAG's tasks: every dependency names a sibling task, and no cycle exists.
import { producersOf, type DagContext } from './dag-context.ts';
import type { SpecProblem } from './spec-problem.ts';

function upstreamOf(context: DagContext, task: string): string[] {
  const spec = context.tasks[task]!;
  // A task listing itself is reported on its own, not again as a cycle.
  const listed = (spec.dependentTasks ?? []).filter((upstream) => upstream !== task);
  return [...new Set([...listed, ...producersOf(spec)])];
}

function unknownTaskProblems(context: DagContext): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [name, task] of Object.entries(context.tasks)) {
    (task.dependentTasks ?? []).forEach((upstream, index) => {
      if (upstream in context.tasks && upstream !== name) return;
      const why = upstream === name ? 'a task cannot depend on itself' : 'no such task in this DAG';
      const path = `${context.path}.tasks.${name}.dependentTasks.${index}`;
      problems.push({ path, message: `'${upstream}': ${why}` });
    });
  }
  return problems;
}

/** Depth-first search; returns the tasks of the first cycle found, in order. */
function findCycle(context: DagContext): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (task: string): string[] | undefined => {
    if (state.get(task) === 'done' || !(task in context.tasks)) return undefined;
    if (state.get(task) === 'open') return [...trail.slice(trail.indexOf(task)), task];
    state.set(task, 'open');
    trail.push(task);
    for (const upstream of upstreamOf(context, task)) {
      const cycle = visit(upstream);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(task, 'done');
    return undefined;
  };
  for (const task of Object.keys(context.tasks)) {
    const cycle = visit(task);
    if (cycle) return cycle;
  }
  return undefined;
}

export function orderProblems(context: DagContext): SpecProblem[] {
  const problems = unknownTaskProblems(context);
  const cycle = findCycle(context);
  if (cycle !== undefined) {
    const message = `the tasks wait on each other in a cycle: ${cycle.reverse().join(' -> ')}`;
    problems.push({ path: `${context.path}.tasks`, message });
  }
  return problems;
}
