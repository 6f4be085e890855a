// What the checks of one DAG need to know: where it is, which component holds it, and the
// pipeline's components that its tasks refer to.
import type { ComponentSpec, PipelineTaskSpec } from './pipeline-spec.ts';

export interface DagContext {
  /** Path of the DAG in the document, e.g. `root.dag`. */
  path: string;
  /** The component whose implementation the DAG is: tasks read its inputs. */
  owner: ComponentSpec;
  tasks: Record<string, PipelineTaskSpec>;
  components: Record<string, ComponentSpec>;
}

/** The component a sibling task runs, if that task and its component exist. */
export function componentOfTask(context: DagContext, task: string): ComponentSpec | undefined {
  const name = context.tasks[task]?.componentRef?.name;
  return name === undefined ? undefined : context.components[name];
}

/** Tasks whose outputs a task reads: each must finish before it starts. */
export function producersOf(task: PipelineTaskSpec): string[] {
  const producers = [
    ...Object.values(task.inputs?.parameters ?? {}).map(
      (input) => input.taskOutputParameter?.producerTask ?? input.taskFinalStatus?.producerTask,
    ),
    ...Object.values(task.inputs?.artifacts ?? {}).map(
      (input) => input.taskOutputArtifact?.producerTask,
    ),
  ];
  return producers.filter((name): name is string => name !== undefined);
}
