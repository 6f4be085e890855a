// The prepare step as a library: validate, split and encode a raw file.
export { prepareDataset } from './prepare-dataset.ts';
export type { PrepareOptions } from './prepare-dataset.ts';
export type { PreparedSchema } from './schema-file.ts';
export type { SplitOptions } from './split-options.ts';
