// Exchanges recorded from a real MLflow 2.12 tracking server (test-fixtures), replayed by the
// scripted server so the backend is tested against what MLflow really answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptedAnswer, ScriptedServer } from './scripted-server.ts';

const TRANSCRIPT = join(
  import.meta.dirname,
  '../../../test-fixtures/mlflow-2.12-rest-transcript.jsonl',
);

export interface RecordedExchange {
  step: string;
  method: string;
  path: string;
  request_body: unknown;
  status: number;
  response_body: unknown;
  response_content_type: string;
}

const exchanges: RecordedExchange[] = readFileSync(TRANSCRIPT, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedExchange);

export function recordedExchange(step: string): RecordedExchange {
  const exchange = exchanges.find((candidate) => candidate.step === step);
  if (!exchange) throw new Error(`the transcript has no step '${step}'`);
  return exchange;
}

/** Answers with the recorded status, content type and body of that step. */
export function recordedAnswer(step: string): ScriptedAnswer {
  const { status, response_body: body, response_content_type: type } = recordedExchange(step);
  return (_request, response) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { 'content-type': type }).end(text);
  };
}

const API = '/api/2.0/mlflow';

/** Scripts the calls of one train run with MLflow 2.12's recorded answers. */
export function answerLikeMlflow212(server: ScriptedServer): void {
  server.answer(
    `GET ${API}/experiments/get-by-name`,
    recordedAnswer('get-experiment-by-name-missing'),
    recordedAnswer('get-experiment-by-name'),
  );
  server.answer(`POST ${API}/experiments/create`, recordedAnswer('create-experiment'));
  server.answer(`POST ${API}/runs/create`, recordedAnswer('create-run'));
  server.answer(`POST ${API}/runs/log-batch`, recordedAnswer('log-batch'));
  server.answer(`POST ${API}/runs/log-inputs`, recordedAnswer('log-inputs'));
  server.answer('PUT /api/2.0/mlflow-artifacts/artifacts/*', recordedAnswer('put-artifact'));
  server.answer(`POST ${API}/runs/update`, recordedAnswer('update-run-finished'));
}
