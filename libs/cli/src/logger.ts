// The single logger of every step: one line per milestone, warnings for anything skipped.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export function createLogger(scope: string): Logger {
  return {
    info: (message) => process.stdout.write(`[${scope}] ${message}\n`),
    warn: (message) => process.stderr.write(`[${scope}] warning: ${message}\n`),
  };
}

/** "1.23 s" or "45 ms": timings for milestone lines. */
export function formatDuration(startedAtMs: number): string {
  const ms = performance.now() - startedAtMs;
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
