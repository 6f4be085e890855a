// The `{{$...}}` placeholders Kubeflow substitutes in an executor's command and arguments, and
// whether each one refers to an input or output the component declares.
import type { ComponentSpec } from './pipeline-spec.ts';

/** Values the Kubeflow driver fills in for every task. */
const RUN_PLACEHOLDERS = new Set([
  'pipeline_job_name',
  'pipeline_job_resource_name',
  'pipeline_job_uuid',
  'pipeline_task_name',
  'pipeline_task_uuid',
  'pipeline_root',
  'pipeline_job_create_time_utc',
  'pipeline_job_schedule_time_utc',
  'workspace_path',
]);

const ARTIFACT_FIELD = String.raw`(\.(path|uri|metadata(\['[^']+'\])?))?`;

/** The placeholders that name an input or output of the component, and what each names. */
const REFERENCES = [
  { pattern: /^inputs\.parameters\['([^']+)'\]$/, side: 'inputs', kind: 'parameters' },
  {
    pattern: /^outputs\.parameters\['([^']+)'\]\.output_file$/,
    side: 'outputs',
    kind: 'parameters',
  },
  {
    pattern: new RegExp(`^inputs\\.artifacts\\['([^']+)'\\]${ARTIFACT_FIELD}$`),
    side: 'inputs',
    kind: 'artifacts',
  },
  {
    pattern: new RegExp(`^outputs\\.artifacts\\['([^']+)'\\]${ARTIFACT_FIELD}$`),
    side: 'outputs',
    kind: 'artifacts',
  },
] as const;

/** Every `{{$...}}` in a string, with the text between `{{$` and `}}`; unclosed ones too. */
export function placeholdersIn(text: string): { body: string; closed: boolean }[] {
  const found: { body: string; closed: boolean }[] = [];
  let start = text.indexOf('{{$');
  while (start !== -1) {
    const end = text.indexOf('}}', start);
    found.push({ body: text.slice(start + 3, end === -1 ? undefined : end), closed: end !== -1 });
    start = text.indexOf('{{$', end === -1 ? text.length : end);
  }
  return found;
}

type Side = 'inputs' | 'outputs';

function declares(
  component: ComponentSpec,
  side: Side,
  kind: 'artifacts' | 'parameters',
  name: string,
) {
  const definitions = side === 'inputs' ? component.inputDefinitions : component.outputDefinitions;
  const declared = kind === 'artifacts' ? definitions?.artifacts : definitions?.parameters;
  return declared !== undefined && name in declared;
}

/** Why a placeholder does not resolve for this component, or undefined when it does. */
export function placeholderProblem(body: string, component: ComponentSpec): string | undefined {
  // `{{$}}` is the whole executor input as JSON.
  if (body === '') return undefined;
  const path = body.startsWith('.') ? body.slice(1) : undefined;
  if (path !== undefined && RUN_PLACEHOLDERS.has(path)) return undefined;
  for (const { pattern, side, kind } of REFERENCES) {
    const name = path === undefined ? undefined : pattern.exec(path)?.[1];
    if (name === undefined) continue;
    if (declares(component, side, kind, name)) return undefined;
    return `no ${side.slice(0, -1)} ${kind.slice(0, -1)} '${name}'`;
  }
  return `'{{$${body}}}' is not a Kubeflow placeholder`;
}
