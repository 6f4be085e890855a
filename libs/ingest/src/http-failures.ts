// Turns what the HTTP client reports into pipeline errors that name the url, the cause and
// how many tries were made, with the next step for the user.
import { STATUS_CODES } from 'node:http';
import { PipelineError } from '@pipeline/errors';
import { describeTryFailure } from './http-retry-policy.ts';

type ClientError = Error & { code?: string; statusCode?: number };

const TIMEOUT_CAUSES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'no connection within the connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'no answer within the read timeout',
  UND_ERR_BODY_TIMEOUT: 'no data within the read timeout',
};

function triesText(tries: number): string {
  return tries === 1 ? '1 try' : `${tries} tries`;
}

function causeOf(error: ClientError): string {
  return (error.code && TIMEOUT_CAUSES[error.code]) ?? describeTryFailure(error);
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) {
    return 'The server refused access; check the credentials in the url or its permissions.';
  }
  if (status === 429 || status >= 500) {
    return 'The server is failing or busy; run again later, or vendor the file and pin its sha256.';
  }
  return 'Check the url of the entry in datasets.yaml.';
}

export function statusFailure(
  status: number,
  display: string,
  tries: number,
  maxRedirects: number,
): PipelineError {
  if (status >= 300 && status < 400) {
    return new PipelineError(
      'SOURCE_HTTP_STATUS',
      `${display} still redirects (HTTP ${status}) after ${maxRedirects} redirects`,
      { hint: 'Point the url in datasets.yaml at the final address of the file.' },
    );
  }
  const after = tries > 1 ? ` after ${triesText(tries)}` : '';
  const name = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : '';
  return new PipelineError(
    'SOURCE_HTTP_STATUS',
    `${display} answered HTTP ${status}${name}${after}`,
    { hint: statusHint(status) },
  );
}

/** A failure before any response arrived: refused, unresolvable or silent server. */
export function requestFailure(
  error: ClientError,
  display: string,
  tries: number,
  maxRedirects: number,
): PipelineError {
  if (typeof error.statusCode === 'number') {
    return statusFailure(error.statusCode, display, tries, maxRedirects);
  }
  // undici reports a loop only through its message, with a generic invalid-argument code.
  if (/redirect loop/i.test(error.message)) {
    return new PipelineError('SOURCE_HTTP_STATUS', `${display} redirects in a loop`, {
      hint: 'Point the url in datasets.yaml at the final address of the file.',
      cause: error,
    });
  }
  return new PipelineError(
    'SOURCE_UNREACHABLE',
    `cannot reach ${display} (${causeOf(error)}) after ${triesText(tries)}`,
    {
      hint: 'Check the network and the url in datasets.yaml; a pinned sha256 lets a vendored ' +
        'copy or the download store serve the file offline.',
      cause: error,
    },
  );
}

/** A failure after the response started: the body stopped before it was complete. */
export function truncatedDownload(
  display: string,
  bytes: number,
  expectedBytes: number | undefined,
  error?: ClientError,
): PipelineError {
  const of = expectedBytes === undefined ? '' : ` of ${expectedBytes}`;
  // After a dropped connection undici asks for the rest with a Range request; a server that
  // answers with the whole file again cannot resume, and that is what it reports.
  const cannotResume = error?.code === 'UND_ERR_REQ_RETRY' && (error.statusCode ?? 0) < 300;
  let cause = error ? `: ${causeOf(error)}` : '';
  if (cannotResume) cause = ': the connection dropped and the server cannot resume the download';
  return new PipelineError(
    'SOURCE_TRUNCATED',
    `the download from ${display} stopped after ${bytes}${of} bytes${cause}`,
    { hint: 'The connection dropped midway; run the ingest again.', cause: error },
  );
}
