// Names for in-progress files: a sibling of the final path, so the rename stays on one filesystem.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Matches every temporary name this module makes; .gitignore and cleanups rely on the marker. */
export const TEMP_MARKER = '.tmp-';

export function tempSiblingOf(finalPath: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(finalPath), `${basename(finalPath)}${TEMP_MARKER}${suffix}`);
}
