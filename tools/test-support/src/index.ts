export { testPython, runPythonJson, WORKSPACE_ROOT } from './python.ts';
export { createTempWorkspace, isolatedEnv } from './temp-workspace.ts';
export type { TempWorkspace, NxResult } from './temp-workspace.ts';
export { freePort, startMlflowServer } from './mlflow-server.ts';
export type { MlflowServer } from './mlflow-server.ts';
export { requireAuthorization, startTrackingProxy } from './tracking-proxy.ts';
export type { ProxiedRequest, ProxyFault, ProxyRule, TrackingProxy } from './tracking-proxy.ts';
