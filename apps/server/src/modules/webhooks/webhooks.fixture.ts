// Test helpers: a webhook receiver on a local port (node:http) that records what arrives and can be
// told to fail requests or to go down (refusing connections) and come back on the same port.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with. */
  status: number;
}

export interface TestReceiver {
  url: string;
  received: Received[];
  /** Decides each answer: a status (body "ok" or "not now"; default 200), or a status and a body. */
  answer: (request: {
    headers: IncomingHttpHeaders;
    body: string;
  }) => number | { status: number; body: string };
  /** Stops listening: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Starts a receiver on a free port. */
export async function startTestReceiver(): Promise<TestReceiver> {
  const receiver: Omit<TestReceiver, 'url'> & { url: string } = {
    url: '',
    received: [],
    answer: () => 200,
    down: async () => stop(server),
    up: async () => {
      server = createServer(handle);
      await listen(server, port);
    },
    close: async () => {
      if (server.listening) await stop(server);
    },
  };
  function handle(
    request: import('node:http').IncomingMessage,
    response: import('node:http').ServerResponse,
  ) {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = receiver.answer({ headers: request.headers, body });
      const status = typeof answer === 'number' ? answer : answer.status;
      receiver.received.push({ headers: request.headers, body, status });
      const text = typeof answer === 'number' ? (status < 300 ? 'ok' : 'not now') : answer.body;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    });
  }
  let server = createServer(handle);
  const port = await listen(server, 0);
  receiver.url = `http://127.0.0.1:${port}/hooks`;
  return receiver;
}
