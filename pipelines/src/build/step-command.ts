// How a container starts its step: the very command the Nx targets run, from the image's /app.
export const STEP_RUNTIME = ['node', '--import', 'tsx'];

export function stepCliPath(step: string): string {
  return `apps/${step}/src/cli.ts`;
}

export function stepCommand(step: string): string[] {
  return [...STEP_RUNTIME, stepCliPath(step)];
}
