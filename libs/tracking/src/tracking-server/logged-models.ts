// MLflow 3's logged models: a model is its own entity with its own artifacts, created PENDING,
// filled, marked READY and linked to the run that produced it as one of the run's outputs.
// MLflow 2 servers lack these endpoints; a harmless search tells the two apart.
import type { ArtifactWriter } from './server-artifacts.ts';
import { putModelFolder } from './server-artifacts.ts';
import { MLFLOW_API } from './server-experiments.ts';
import type { ServerHttp, ServerRequest } from './server-http.ts';

/** MLflow's client sends a logged model's params in groups of this size. */
const PARAMS_PER_REQUEST = 100;

export interface LoggedModelRequest {
  experimentId: string;
  runId: string;
  name: string;
  params: Record<string, string>;
  tags: Record<string, string>;
  localModelDir: string;
  mlmodel: Record<string, unknown>;
}

interface CreatedModel {
  model: { info: { model_id: string; artifact_uri: string } };
}

function keyValues(entries: [string, string][]) {
  return entries.map(([key, value]) => ({ key, value }));
}

/** True on servers with logged models (3.x); an unknown path (404, 405, 501) means 2.x. */
export async function supportsLoggedModels(http: ServerHttp, experimentId: string) {
  const call: ServerRequest = {
    method: 'POST',
    path: `${MLFLOW_API}/logged-models/search`,
    json: { experiment_ids: [experimentId], max_results: 1 },
  };
  const answer = await http.send(call);
  if (answer.status >= 200 && answer.status < 300) return true;
  const unknownRoute = answer.errorCode === undefined || answer.errorCode === 'ENDPOINT_NOT_FOUND';
  if ([404, 405, 501].includes(answer.status) && unknownRoute) return false;
  throw http.failure(call, answer);
}

function finalize(http: ServerHttp, modelId: string, status: 'READY' | 'FAILED') {
  return http.expectOk({
    method: 'PATCH',
    path: `${MLFLOW_API}/logged-models/${encodeURIComponent(modelId)}`,
    json: { model_id: modelId, status: `LOGGED_MODEL_${status}` },
  });
}

async function fillModel(
  http: ServerHttp,
  modelId: string,
  laterParams: [string, string][],
  upload: () => Promise<void>,
) {
  for (let start = 0; start < laterParams.length; start += PARAMS_PER_REQUEST) {
    await http.expectOk({
      method: 'POST',
      path: `${MLFLOW_API}/logged-models/${encodeURIComponent(modelId)}/params`,
      json: {
        model_id: modelId,
        params: keyValues(laterParams.slice(start, start + PARAMS_PER_REQUEST)),
      },
    });
  }
  await upload();
}

async function createLoggedModel(
  http: ServerHttp,
  request: LoggedModelRequest,
  params: [string, string][],
) {
  const created = await http.expectOk<CreatedModel>({
    method: 'POST',
    path: `${MLFLOW_API}/logged-models`,
    json: {
      experiment_id: request.experimentId,
      name: request.name,
      source_run_id: request.runId,
      params: keyValues(params.slice(0, PARAMS_PER_REQUEST)),
      tags: keyValues(Object.entries(request.tags)),
    },
  });
  const { model_id: modelId, artifact_uri: artifactUri } = created.model.info;
  return { modelId, artifactUri };
}

/**
 * The MLmodel records the logged model the way MLflow 3's own log_model does: its id as
 * `model_id` and `model_uuid`, and its artifact location as `artifact_path`.
 */
export async function logLoggedModel(
  http: ServerHttp,
  request: LoggedModelRequest,
  writerFor: (artifactUri: string) => ArtifactWriter,
): Promise<string> {
  const params = Object.entries(request.params);
  const { modelId, artifactUri } = await createLoggedModel(http, request, params);
  const mlmodel = {
    ...request.mlmodel,
    artifact_path: artifactUri,
    model_uuid: modelId,
    model_id: modelId,
    run_id: request.runId,
  };
  try {
    await fillModel(http, modelId, params.slice(PARAMS_PER_REQUEST), () =>
      putModelFolder(writerFor(artifactUri), request.localModelDir, '', mlmodel),
    );
    await finalize(http, modelId, 'READY');
  } catch (error) {
    // A model left PENDING looks as if it were still being written; say it failed instead.
    await finalize(http, modelId, 'FAILED').catch(() => undefined);
    throw error;
  }
  await http.expectOk({
    method: 'POST',
    path: `${MLFLOW_API}/runs/outputs`,
    json: { run_id: request.runId, models: [{ model_id: modelId, step: 0 }] },
  });
  return modelId;
}
