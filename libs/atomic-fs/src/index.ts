export { writeFileAtomic } from './write-file-atomic.ts';
export { stageDirectory, withStagedDirectory } from './staged-directory.ts';
export type { StagedDirectory } from './staged-directory.ts';
export { tempSiblingOf, TEMP_MARKER } from './temp-path.ts';
