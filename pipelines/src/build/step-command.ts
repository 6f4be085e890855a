// How a container starts its step: the step CLI's source through tsx, from the image's /app.
// Nx runs the same CLI from an esbuild bundle (tools/step-bundles), where start-up time matters.
export const STEP_RUNTIME = ['node', '--import', 'tsx'];

export function stepCliPath(step: string): string {
  return `apps/${step}/src/cli.ts`;
}

export function stepCommand(step: string): string[] {
  return [...STEP_RUNTIME, stepCliPath(step)];
}
