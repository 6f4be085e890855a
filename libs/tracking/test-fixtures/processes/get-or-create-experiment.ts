// Child process of the concurrency test: waits for a start time shared with its siblings, then
// asks for the experiment, so several processes race for the same name.
// Arguments: <tracking uri> <experiment name> <start at, ms since the epoch>
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveTrackingBackend } from '../../src/index.ts';

const [trackingUri = '', experimentName = '', startAt = '0'] = process.argv.slice(2);
const backend = resolveTrackingBackend({ MLFLOW_TRACKING_URI: trackingUri });
await sleep(Math.max(0, Number(startAt) - Date.now()));
process.stdout.write(`${await backend.getOrCreateExperiment(experimentName)}\n`);
