// Failed calls to the tracking server as pipeline errors that name the server, the call and the
// answer, with the next step to take. Secrets are masked in anything the server sent back.
import { STATUS_CODES } from 'node:http';
import { PipelineError } from '@pipeline/errors';
import { networkErrorCode } from './retry-schedule.ts';

/** How a call is named in messages: "POST /api/2.0/mlflow/runs/create". */
export interface CallName {
  method: string;
  path: string;
}

export interface ServerAnswer {
  status: number;
  text: string;
  /** MLflow's `error_code`, when the answer is one of its JSON errors. */
  errorCode: string | undefined;
  /** MLflow's `message`, when the answer is one of its JSON errors. */
  errorMessage: string | undefined;
}

export interface FailureContext {
  displayUri: string;
  secrets: readonly string[];
  tries: number;
}

const MAX_ANSWER_LENGTH = 300;

const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'no connection within MLFLOW_HTTP_REQUEST_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'no answer within MLFLOW_HTTP_REQUEST_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'the answer stalled for longer than MLFLOW_HTTP_REQUEST_TIMEOUT',
};

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join('***');
  return masked;
}

function triesText(tries: number): string {
  return tries === 1 ? '1 try' : `${tries} tries`;
}

export function describeNetworkError(error: unknown): string {
  const code = networkErrorCode(error);
  if (code && NETWORK_CAUSES[code]) return NETWORK_CAUSES[code];
  return error instanceof Error && error.message ? error.message : String(code ?? error);
}

/** "HTTP 400 Bad Request: INVALID_PARAMETER_VALUE: ..." with the body shortened to one line. */
export function describeAnswer(answer: ServerAnswer): string {
  const name = STATUS_CODES[answer.status] ? ` ${STATUS_CODES[answer.status]}` : '';
  const detail = answer.errorCode
    ? `${answer.errorCode}${answer.errorMessage ? `: ${answer.errorMessage}` : ''}`
    : answer.text.trimStart().startsWith('<')
      ? ''
      : answer.text;
  const oneLine = detail.replace(/\s+/g, ' ').trim();
  const short =
    oneLine.length > MAX_ANSWER_LENGTH ? `${oneLine.slice(0, MAX_ANSWER_LENGTH)}...` : oneLine;
  return `HTTP ${answer.status}${name}${short ? `: ${short}` : ''}`;
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) {
    return (
      'The server refused the credentials: check MLFLOW_TRACKING_TOKEN, or ' +
      'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.'
    );
  }
  if (status === 429 || status >= 500) {
    return (
      'The server is failing or busy; run again later. MLFLOW_HTTP_REQUEST_MAX_RETRIES ' +
      'sets how often a call is tried.'
    );
  }
  if (status >= 300 && status < 400) {
    return 'The server redirects elsewhere; set MLFLOW_TRACKING_URI to the address it names.';
  }
  if (status === 404) {
    return 'Check that MLFLOW_TRACKING_URI points at an MLflow tracking server.';
  }
  return 'The server rejected the request; its answer above says why.';
}

export function answerFailure(call: CallName, answer: ServerAnswer, context: FailureContext) {
  const after = context.tries > 1 ? ` after ${triesText(context.tries)}` : '';
  const message =
    `the MLflow tracking server ${context.displayUri} answered ${call.method} ${call.path}` +
    ` with ${describeAnswer(answer)}${after}`;
  return new PipelineError('TRACKING_FAILED', maskSecrets(message, context.secrets), {
    field: 'MLFLOW_TRACKING_URI',
    hint: statusHint(answer.status),
  });
}

export function unreachableFailure(call: CallName, error: unknown, context: FailureContext) {
  const message =
    `cannot reach the MLflow tracking server ${context.displayUri} for ${call.method} ` +
    `${call.path} (${describeNetworkError(error)}) after ${triesText(context.tries)}`;
  return new PipelineError('TRACKING_FAILED', maskSecrets(message, context.secrets), {
    field: 'MLFLOW_TRACKING_URI',
    cause: error,
    hint:
      'Check that the server is running and that MLFLOW_TRACKING_URI points at it; ' +
      'or unset MLFLOW_TRACKING_URI to log to ./mlruns.',
  });
}

export function notJsonFailure(call: CallName, answer: ServerAnswer, context: FailureContext) {
  const start = answer.text.replace(/\s+/g, ' ').trim().slice(0, 80);
  const message =
    `the MLflow tracking server ${context.displayUri} answered ${call.method} ${call.path}` +
    ` with HTTP ${answer.status} but not with JSON: '${start}'`;
  return new PipelineError('TRACKING_FAILED', maskSecrets(message, context.secrets), {
    field: 'MLFLOW_TRACKING_URI',
    hint: 'Check that MLFLOW_TRACKING_URI points at the MLflow tracking server itself.',
  });
}
