// Turns any thrown value into the one paragraph a user reads at the end of a failed step.
import { isPipelineError, type ErrorLocation } from './pipeline-error.ts';

function describeLocation(location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.dataset) parts.push(`dataset '${location.dataset}'`);
  if (location.file) {
    let place = location.file;
    if (location.line !== undefined) place += `:${location.line}`;
    if (location.column !== undefined) place += `:${location.column}`;
    parts.push(place);
  }
  if (location.field) parts.push(`field '${location.field}'`);
  return parts.join(', ');
}

export function formatError(error: unknown, verbose = false): string {
  if (!isPipelineError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    const stack = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return `error [INTERNAL] ${text}${stack}\n  Run again with --verbose for details.`;
  }
  const where = describeLocation(error.location);
  const lines = [`error [${error.code}] ${where ? `${where}: ` : ''}${error.message}`];
  if (error.hint) lines.push(`  ${error.hint}`);
  if (verbose && error.stack) lines.push(error.stack);
  return lines.join('\n');
}
