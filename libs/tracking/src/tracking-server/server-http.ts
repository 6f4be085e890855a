// Calls the tracking server's REST API through one undici Agent with MLflow's timeout and TLS
// settings. The retry loop is ours: undici's retry interceptor resumes answers with Range
// requests, which API calls must not send, and drops the last answer the error has to quote.
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { PipelineError } from '@pipeline/errors';
import { toRestJson } from './rest-json.ts';
import { isRetryableError, isRetryableStatus, retryDelayMs } from './retry-schedule.ts';
import {
  answerFailure,
  describeAnswer,
  describeNetworkError,
  maskSecrets,
  notJsonFailure,
  unreachableFailure,
  type ServerAnswer,
} from './server-failures.ts';
import type { ServerSettings } from './server-settings.ts';

export interface ServerRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** From the server's base URL, e.g. "/api/2.0/mlflow/runs/create". */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  /** Raw bytes, e.g. an artifact; sent again whole when the call is retried. */
  body?: Buffer;
  contentType?: string;
}

export interface TriedAnswer extends ServerAnswer {
  tries: number;
}

function readAnswer(status: number, text: string): ServerAnswer {
  let parsed: { error_code?: unknown; message?: unknown } | undefined;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const errorCode = typeof parsed?.error_code === 'string' ? parsed.error_code : undefined;
  const errorMessage = typeof parsed?.message === 'string' ? parsed.message : undefined;
  return { status, text, errorCode, errorMessage };
}

export class ServerHttp {
  private readonly agent: Agent;

  constructor(
    private readonly settings: ServerSettings,
    private readonly warn: (message: string) => void,
  ) {
    const { timeoutMs, insecureTls } = settings;
    this.agent = new Agent({
      connect: { timeout: timeoutMs, rejectUnauthorized: !insecureTls },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  /** The server's answer, whatever its status; throws only when the server cannot be reached. */
  async send(call: ServerRequest): Promise<TriedAnswer> {
    const { maxRetries } = this.settings;
    for (let tries = 1; ; tries += 1) {
      let answer: ServerAnswer;
      let retryAfter: string | string[] | undefined;
      try {
        const response = await request(this.urlOf(call), this.optionsOf(call));
        answer = readAnswer(response.statusCode, await response.body.text());
        retryAfter = response.headers['retry-after'];
      } catch (error) {
        if (!isRetryableError(error) || tries > maxRetries) {
          throw unreachableFailure(call, error, this.failureContext(tries));
        }
        await this.pauseBeforeRetry(call, tries, describeNetworkError(error));
        continue;
      }
      if (!isRetryableStatus(answer.status) || tries > maxRetries) return { ...answer, tries };
      await this.pauseBeforeRetry(call, tries, describeAnswer(answer), retryAfter);
    }
  }

  /** The JSON of a 2xx answer; any other answer becomes an error naming the call. */
  async expectOk<T>(call: ServerRequest): Promise<T> {
    const answer = await this.send(call);
    if (answer.status < 200 || answer.status > 299) throw this.failure(call, answer);
    return this.jsonOf<T>(call, answer);
  }

  /** The answer's JSON; a page of HTML means the URI points at something else than the API. */
  jsonOf<T>(call: ServerRequest, answer: TriedAnswer): T {
    if (answer.text.trim() === '') return {} as T;
    try {
      return JSON.parse(answer.text) as T;
    } catch {
      throw notJsonFailure(call, answer, this.failureContext(answer.tries));
    }
  }

  failure(call: ServerRequest, answer: TriedAnswer): PipelineError {
    return answerFailure(call, answer, this.failureContext(answer.tries));
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private urlOf(call: ServerRequest): string {
    const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
    return `${this.settings.baseUrl}${call.path}${query}`;
  }

  private optionsOf(call: ServerRequest) {
    const headers: Record<string, string> = {};
    if (this.settings.authorization) headers.authorization = this.settings.authorization;
    let body: string | Buffer | undefined = call.body;
    if (call.json !== undefined) {
      body = toRestJson(call.json);
      headers['content-type'] = 'application/json';
    } else if (call.contentType) {
      headers['content-type'] = call.contentType;
    }
    return { dispatcher: this.agent, method: call.method, headers, body };
  }

  private failureContext(tries: number) {
    const { displayUri, secrets } = this.settings;
    return { displayUri, secrets, tries };
  }

  private async pauseBeforeRetry(
    call: ServerRequest,
    failedTry: number,
    reason: string,
    retryAfter?: string | string[],
  ) {
    const delayMs = retryDelayMs(failedTry, this.settings, retryAfter);
    const tries = `try ${failedTry} of ${this.settings.maxRetries + 1}`;
    const notice =
      `${call.method} ${call.path} failed (${reason}), ${tries}; ` +
      `retrying in ${(delayMs / 1000).toFixed(1)} s`;
    this.warn(maskSecrets(notice, this.settings.secrets));
    await sleep(delayMs);
  }
}
