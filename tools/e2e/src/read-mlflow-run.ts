// Reads a run back with MLflow's own Python client, as `mlflow ui` would.
import { runPythonJson } from '@pipeline/test-support';

export interface MlflowRunView {
  experimentId: string;
  runId: string;
  status: string;
  endTime: number | null;
  params: Record<string, string>;
  metrics: Record<string, number>;
  tags: Record<string, string>;
  artifacts: string[];
  modelFlavors: string[];
  modelRunId: string;
  inputs: { name: string; digest: string; context: string }[];
}

const READ_LATEST_RUN = `
import json, sys
import mlflow
from mlflow.tracking import MlflowClient
from mlflow.models import Model
request = json.load(sys.stdin)
mlflow.set_tracking_uri(request["uri"])
client = MlflowClient()
experiment = client.get_experiment_by_name(request["experiment"])
runs = client.search_runs([experiment.experiment_id], order_by=["attributes.start_time DESC"])
run = runs[0]
def walk(path):
    for item in client.list_artifacts(run.info.run_id, path):
        if item.is_dir:
            yield from walk(item.path)
        else:
            yield item.path
model = Model.load(f"runs:/{run.info.run_id}/model")
print(json.dumps({
    "experimentId": experiment.experiment_id,
    "runId": run.info.run_id,
    "status": run.info.status,
    "endTime": run.info.end_time,
    "params": run.data.params,
    "metrics": run.data.metrics,
    "tags": run.data.tags,
    "artifacts": sorted(walk(None)),
    "modelFlavors": sorted(model.flavors.keys()),
    "modelRunId": model.run_id,
    "inputs": [{"name": i.dataset.name, "digest": i.dataset.digest,
                "context": {t.key: t.value for t in i.tags}.get("mlflow.data.context")}
               for i in run.inputs.dataset_inputs],
}))
`;

export function readLatestMlflowRun(trackingUri: string, experiment: string) {
  // MLflow 3.x refuses to read a file store unless this is set.
  return runPythonJson<MlflowRunView>(
    READ_LATEST_RUN,
    { uri: trackingUri, experiment },
    {
      MLFLOW_ALLOW_FILE_STORE: 'true',
    },
  );
}
