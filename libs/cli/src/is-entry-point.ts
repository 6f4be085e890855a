// Tells a CLI module whether it was started as the program or imported (e.g. by a test that
// reads its option definitions), so importing never runs a step.
import { realpathSync } from 'node:fs';

export function isEntryPoint(moduleFile: string): boolean {
  const started = process.argv[1];
  return started !== undefined && realpathSync(started) === moduleFile;
}
