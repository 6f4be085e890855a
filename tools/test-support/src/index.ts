export { testPython, runPythonJson, WORKSPACE_ROOT } from './python.ts';
