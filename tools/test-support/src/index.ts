export { testPython, runPythonJson, WORKSPACE_ROOT } from './python.ts';
export { createTempWorkspace, isolatedEnv } from './temp-workspace.ts';
export type { TempWorkspace, NxResult } from './temp-workspace.ts';
