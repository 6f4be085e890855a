// A throwaway HTTP server on 127.0.0.1 for the download tests; it records every request it gets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one path; `hit` counts the requests for that path, starting at 1. */
export type SourceRoute = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

export interface SeenRequest {
  path: string;
  authorization: string | undefined;
}

export interface FakeSource {
  url(path: string): string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeSource(routes: Record<string, SourceRoute>): Promise<FakeSource> {
  const requests: SeenRequest[] = [];
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, authorization: request.headers.authorization });
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(request, response, hits.get(path) ?? 1);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port that was just free and is closed again, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function sendBody(body: Uint8Array | string): SourceRoute {
  return (_request, response) => {
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  };
}

export function redirectTo(location: string, status = 302): SourceRoute {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}

/** Fails with `status` for the first `failures` requests, then serves `body`. */
export function failThenSend(status: number, failures: number, body: Uint8Array): SourceRoute {
  return (request, response, hit) => {
    if (hit <= failures) response.writeHead(status, { 'retry-after': '0' }).end();
    else sendBody(body)(request, response, hit);
  };
}
