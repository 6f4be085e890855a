// Experiments on a tracking server: found by name, or created. When another process creates the
// same name between our lookup and our create, the server says RESOURCE_ALREADY_EXISTS and we
// read it again, so parallel `train` steps share one experiment.
import { PipelineError } from '@pipeline/errors';
import type { ServerHttp, ServerRequest } from './server-http.ts';

export const MLFLOW_API = '/api/2.0/mlflow';

interface ServerExperiment {
  experiment_id: string;
  name: string;
  lifecycle_stage?: string;
}

function activeId(experiment: ServerExperiment): string {
  if (experiment.lifecycle_stage !== 'deleted') return experiment.experiment_id;
  const id = experiment.experiment_id;
  throw new PipelineError(
    'TRACKING_FAILED',
    `the MLflow experiment '${experiment.name}' exists but is deleted (id ${id})`,
    {
      field: experiment.name,
      hint:
        `Restore it (\`mlflow experiments restore --experiment-id ${id}\`), remove it for good ` +
        '(`mlflow gc` on the server), or choose another name with MLFLOW_EXPERIMENT_NAME.',
    },
  );
}

async function findByName(http: ServerHttp, name: string) {
  const call: ServerRequest = {
    method: 'GET',
    path: `${MLFLOW_API}/experiments/get-by-name`,
    query: { experiment_name: name },
  };
  const answer = await http.send(call);
  if (answer.status === 404 && answer.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
  if (answer.status !== 200) throw http.failure(call, answer);
  return http.jsonOf<{ experiment: ServerExperiment }>(call, answer).experiment;
}

export async function getOrCreateExperimentId(http: ServerHttp, name: string): Promise<string> {
  const existing = await findByName(http, name);
  if (existing) return activeId(existing);

  const call: ServerRequest = {
    method: 'POST',
    path: `${MLFLOW_API}/experiments/create`,
    json: { name },
  };
  const answer = await http.send(call);
  if (answer.status === 200) return http.jsonOf<ServerExperiment>(call, answer).experiment_id;
  // The message holds raw database text that differs between servers; only the code is stable.
  if (answer.errorCode === 'RESOURCE_ALREADY_EXISTS') {
    const created = await findByName(http, name);
    if (created) return activeId(created);
  }
  throw http.failure(call, answer);
}
