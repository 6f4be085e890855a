// A small HTTP proxy on 127.0.0.1 in front of a real tracking server, for the fault tests: each
// request is passed on unless a rule answers it instead, resets it midway or leaves it hanging.
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The path without the query, e.g. /api/2.0/mlflow/runs/create. */
  path: string;
  authorization: string | undefined;
  /** 1 for the first request with this method and path, 2 for the second, ... */
  nth: number;
}

/** What a rule does instead of passing the request on. */
export type ProxyFault =
  | { status: number; json: unknown }
  /** Reads part of the request body, then drops the connection. */
  | 'reset-midway'
  /** Never answers. */
  | 'silence';

export type ProxyRule = (
  request: ProxiedRequest,
) => ProxyFault | undefined | Promise<ProxyFault | undefined>;

export interface TrackingProxy {
  url: string;
  /** Every request seen, with the status it got (undefined when it got none). */
  readonly seen: (ProxiedRequest & { status?: number })[];
  close(): Promise<void>;
}

function passOn(target: URL, incoming: IncomingMessage, response: ServerResponse) {
  return new Promise<number>((resolve, reject) => {
    const outgoing = forward(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', () => resolve(answer.statusCode ?? 502));
      },
    );
    outgoing.on('error', reject);
    incoming.pipe(outgoing);
  });
}

function applyFault(fault: ProxyFault, incoming: IncomingMessage, response: ServerResponse) {
  if (fault === 'silence') return undefined;
  if (fault === 'reset-midway') {
    incoming.once('data', () => incoming.socket.destroy());
    return undefined;
  }
  const body = JSON.stringify(fault.json);
  response.writeHead(fault.status, { 'content-type': 'application/json' }).end(body);
  return fault.status;
}

export async function startTrackingProxy(
  targetUrl: string,
  rule: ProxyRule = () => undefined,
): Promise<TrackingProxy> {
  const target = new URL(targetUrl);
  const seen: TrackingProxy['seen'] = [];
  const counts = new Map<string, number>();
  const server = createServer(async (incoming, response) => {
    const path = new URL(incoming.url ?? '/', target).pathname;
    const route = `${incoming.method} ${path}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
    const request: ProxiedRequest & { status?: number } = {
      method: incoming.method ?? 'GET',
      path,
      authorization: incoming.headers.authorization,
      nth: counts.get(route) ?? 1,
    };
    seen.push(request);
    const fault = await rule(request);
    if (fault) request.status = applyFault(fault, incoming, response);
    else request.status = await passOn(target, incoming, response).catch(() => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A proxy that refuses, with 401, every request without this Authorization header. */
export function requireAuthorization(expected: string): ProxyRule {
  return (request) => {
    if (request.authorization === expected) return undefined;
    return { status: 401, json: { error_code: 'UNAUTHENTICATED', message: 'Unauthorized' } };
  };
}
