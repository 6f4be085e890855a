// The one error type of the pipeline: a stable code, where it happened, and what to do next.
import type { ErrorCode } from './error-codes.ts';

/** Where a problem was found; every field is optional so each step fills in what it knows. */
export interface ErrorLocation {
  dataset?: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

export interface PipelineErrorOptions extends ErrorLocation {
  /** The next step for the user, e.g. "fix the value in datasets.yaml and run again". */
  hint?: string;
  cause?: unknown;
}

export class PipelineError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: PipelineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const { hint, cause: _cause, ...location } = options;
    this.name = 'PipelineError';
    this.code = code;
    this.location = location;
    this.hint = hint;
  }

  /** A copy with more location details, for layers that know the dataset or file. */
  withLocation(extra: ErrorLocation): PipelineError {
    const copy = new PipelineError(this.code, this.message, {
      ...extra,
      ...this.location,
      hint: this.hint,
      cause: this.cause,
    });
    copy.stack = this.stack;
    return copy;
  }
}

export function isPipelineError(value: unknown): value is PipelineError {
  return value instanceof PipelineError;
}
