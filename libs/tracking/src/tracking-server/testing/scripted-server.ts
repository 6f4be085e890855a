// A tracking server played from a script, on 127.0.0.1, for the tests of the server backend:
// it records every request whole and answers each "METHOD /path" with the next scripted answer.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Buffer;
  /** The body parsed as JSON, when it was JSON. */
  json: unknown;
}

/** Writes the answer; returning without ending the response leaves the client waiting. */
export type ScriptedAnswer = (request: SeenRequest, response: ServerResponse) => void;

export interface ScriptedServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /**
   * Queues answers for "METHOD /path", or "METHOD /prefix/*" for every path below the prefix; the
   * last answer keeps answering once the others are used.
   */
  answer(route: string, ...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export function json(status: number, body: unknown): ScriptedAnswer {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}

/** What Flask answers for a route it does not have, as MLflow 2.x servers do for 3.x calls. */
export const unknownRoute: ScriptedAnswer = (_request, response) => {
  response
    .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
    .end('<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n');
};

function parseJson(body: Buffer, contentType: string | undefined): unknown {
  if (!contentType?.includes('json') || body.length === 0) return undefined;
  return JSON.parse(body.toString('utf8'));
}

function routeOf(queues: Map<string, ScriptedAnswer[]>, request: SeenRequest): string {
  const exact = `${request.method} ${request.path}`;
  if (queues.has(exact)) return exact;
  const prefixes = [...queues.keys()].filter((route) => route.endsWith('/*'));
  return prefixes.find((route) => exact.startsWith(route.slice(0, -1))) ?? exact;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const requests: SeenRequest[] = [];
  const queues = new Map<string, ScriptedAnswer[]>();
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const body = Buffer.concat(chunks);
    const contentType = incoming.headers['content-type'];
    const seen: SeenRequest = {
      method: incoming.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      authorization: incoming.headers.authorization,
      contentType,
      body,
      json: parseJson(body, contentType),
    };
    requests.push(seen);
    const queue = queues.get(routeOf(queues, seen));
    const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    (next ?? unknownRoute)(seen, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (route, ...answers) => queues.set(route, answers),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
