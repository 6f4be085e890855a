// Ctrl-C or a container stop during training: mark the run KILLED before the process goes,
// as MLflow's Python client does on KeyboardInterrupt, so the UI never shows it RUNNING forever.
import type { TrackingBackend } from './tracking-backend.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Returns the function that stops watching; call it once the run has ended normally. */
export function endRunOnSignal(
  backend: TrackingBackend,
  runId: string,
  clock: () => number,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    stopWatching();
    const reraise = () => process.kill(process.pid, signal);
    // Re-sending the signal with our listener gone lets the default (or the app's) handling run.
    backend.endRun(runId, 'KILLED', clock()).then(reraise, reraise);
  };
  const stopWatching = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return stopWatching;
}
