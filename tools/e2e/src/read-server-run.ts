// Reads the newest run of an experiment back from a tracking server with MLflow's own client of
// the same major version: values, artifacts with their sha256, dataset inputs and the model.
import { runPythonJson } from '@pipeline/test-support';

export interface ServerRunView {
  runCount: number;
  experimentId: string;
  runId: string;
  status: string;
  endTime: number | null;
  params: Record<string, string>;
  metrics: Record<string, number>;
  tags: Record<string, string>;
  /** Run artifact path -> sha256 of the bytes the server returns. */
  artifacts: Record<string, string>;
  inputs: {
    name: string;
    digest: string;
    sourceType: string;
    source: string;
    schema: string;
    profile: string;
    context: string;
  }[];
  model: { flavors: string[]; runId: string; modelId: string | null };
  /** MLflow 3.x only. */
  loggedModels?: {
    modelId: string;
    name: string;
    status: string;
    sourceRunId: string;
    artifacts: string[];
  }[];
  modelOutputs?: string[];
}

const READ_RUN = `
import hashlib, json, os, sys, tempfile
import mlflow
from mlflow import MlflowClient
from mlflow.models import Model
request = json.load(sys.stdin)
mlflow.set_tracking_uri(request["uri"])
client = MlflowClient()
experiment = client.get_experiment_by_name(request["experiment"])
runs = client.search_runs([experiment.experiment_id], order_by=["attributes.start_time DESC"])
run = runs[0]
run_id = run.info.run_id
def walk(path):
    for item in client.list_artifacts(run_id, path):
        yield from (walk(item.path) if item.is_dir else [item.path])
def sha256_of(path):
    with tempfile.TemporaryDirectory() as folder:
        with open(client.download_artifacts(run_id, path, folder), "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
model = Model.load(f"runs:/{run_id}/model")
view = {
    "runCount": len(runs), "experimentId": experiment.experiment_id, "runId": run_id,
    "status": run.info.status, "endTime": run.info.end_time,
    "params": run.data.params, "metrics": run.data.metrics, "tags": run.data.tags,
    "artifacts": {path: sha256_of(path) for path in walk(None)},
    "inputs": [{"name": i.dataset.name, "digest": i.dataset.digest,
                "sourceType": i.dataset.source_type, "source": i.dataset.source,
                "schema": i.dataset.schema, "profile": i.dataset.profile,
                "context": {t.key: t.value for t in i.tags}.get("mlflow.data.context")}
               for i in run.inputs.dataset_inputs],
    "model": {"flavors": sorted(model.flavors), "runId": model.run_id,
              "modelId": getattr(model, "model_id", None)},
}
if hasattr(client, "search_logged_models"):
    view["loggedModels"] = [
        {"modelId": m.model_id, "name": m.name, "status": str(m.status),
         "sourceRunId": m.source_run_id,
         "artifacts": sorted(a.path for a in
                             mlflow.artifacts.list_artifacts(f"models:/{m.model_id}"))}
        for m in client.search_logged_models([experiment.experiment_id])]
    view["modelOutputs"] = [o.model_id for o in (run.outputs.model_outputs if run.outputs else [])]
print(json.dumps(view))
`;

/** `environment` picks the client: 'main' holds MLflow 3.x, 'mlflow2' a 2.x release. */
export function readServerRun(uri: string, experiment: string, environment: string) {
  return runPythonJson<ServerRunView>(READ_RUN, { uri, experiment }, {}, environment);
}
