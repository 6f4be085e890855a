export { PipelineError, isPipelineError } from './pipeline-error.ts';
export type { ErrorLocation, PipelineErrorOptions } from './pipeline-error.ts';
export { ERROR_CODES } from './error-codes.ts';
export type { ErrorCode } from './error-codes.ts';
export { formatError } from './format-error.ts';
