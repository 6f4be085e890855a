# Reads an experiment and its runs back with the real MLflow client and prints, as JSON,
# what the tracking tests compare. Input on stdin: {"tracking_uri", "experiment_name"}.
import json
import sys

import mlflow
from mlflow import MlflowClient
from mlflow.models import Model

request = json.load(sys.stdin)
mlflow.set_tracking_uri(request["tracking_uri"])
client = MlflowClient(tracking_uri=request["tracking_uri"])


def artifact_paths(run_id, path=None):
    paths = []
    for info in client.list_artifacts(run_id, path):
        paths.extend(artifact_paths(run_id, info.path) if info.is_dir else [info.path])
    return paths


def logged_models(run):
    history = json.loads(run.data.tags.get("mlflow.log-model.history", "[]"))
    models = []
    for entry in history:
        model = Model.load(f"runs:/{run.info.run_id}/{entry['artifact_path']}")
        models.append({
            "history_entry": entry,
            "artifact_path": model.artifact_path,
            "flavors": model.flavors,
            "run_id": model.run_id,
            "model_uuid": model.model_uuid,
        })
    return models


def dataset_inputs(run):
    return [
        {
            "name": item.dataset.name,
            "digest": item.dataset.digest,
            "source_type": item.dataset.source_type,
            "source": item.dataset.source,
            "schema": item.dataset.schema,
            "profile": item.dataset.profile,
            "tags": {tag.key: tag.value for tag in item.tags},
        }
        for item in run.inputs.dataset_inputs
    ]


def describe(run):
    run_id = run.info.run_id
    return {
        "run_name": run.info.run_name,
        "status": run.info.status,
        "start_time": run.info.start_time,
        "end_time": run.info.end_time,
        "user_id": run.info.user_id,
        "params": run.data.params,
        "metrics": run.data.metrics,
        "history": {
            key: [[m.step, m.value, m.timestamp] for m in client.get_metric_history(run_id, key)]
            for key in run.data.metrics
        },
        "tags": run.data.tags,
        "artifacts": sorted(artifact_paths(run_id)),
        "models": logged_models(run),
        "dataset_inputs": dataset_inputs(run),
    }


experiment = client.get_experiment_by_name(request["experiment_name"])
runs = client.search_runs([experiment.experiment_id]) if experiment else []
print(json.dumps({
    "experiment": experiment and {
        "id": experiment.experiment_id,
        "name": experiment.name,
        "lifecycle_stage": experiment.lifecycle_stage,
    },
    "runs": {run.info.run_id: describe(run) for run in runs},
}))
