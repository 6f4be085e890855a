// Child process of the signal test: starts a run, prints its id, then works until it is stopped.
// Arguments: <tracking uri>
import { resolveTrackingBackend, trackWithRun } from '../../src/index.ts';

const [trackingUri = ''] = process.argv.slice(2);
const backend = resolveTrackingBackend({ MLFLOW_TRACKING_URI: trackingUri });
await trackWithRun(backend, { experimentName: 'signals', runName: 'interrupted' }, async (run) => {
  process.stdout.write(`${run.runId}\n`);
  await new Promise(() => setInterval(() => undefined, 1_000));
});
