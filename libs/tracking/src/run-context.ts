// The tags MLflow's client puts on every run: who started it and from which program.
import { userInfo } from 'node:os';
import { MLFLOW_TAGS } from './tracking-backend.ts';

/** The same lookup order as Python's getpass.getuser(), which MLflow uses. */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ['LOGNAME', 'USER', 'LNAME', 'USERNAME']) {
    const value = env[name];
    if (value) return value;
  }
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** `sourceName` is the program as started, like Python's sys.argv[0]. */
export function runContextTags(
  user: string,
  sourceName: string = process.argv[1] ?? 'node',
): Record<string, string> {
  return {
    [MLFLOW_TAGS.user]: user,
    [MLFLOW_TAGS.sourceName]: sourceName,
    [MLFLOW_TAGS.sourceType]: 'LOCAL',
  };
}
