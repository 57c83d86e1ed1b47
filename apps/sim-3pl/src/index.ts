// The simulated 3PL: a warehouse that speaks Handla's connector protocol (packages/api connectors.ts)
// over real HTTP and misbehaves on purpose. Two ports: the 3PL's own endpoints (which go down when
// told to) and the control API (which never does). See docs/sim-3pl.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ControlDeps, handleControl } from './control';
import { createInbound } from './inbound';
import { resolveOptions, type SimOptions } from './options';
import { seededRandom } from './random';
import { createSender } from './sender';
import { SimError } from './sim-error';
import { createWarehouse } from './warehouse';

export type { FaultRates, SimOptions } from './options';
export type { SentRecord } from './sender';
export type { SimOrder } from './warehouse';

export interface Sim3pl {
  /** The base URL to give Handla's connector (`POST /orders` etc. go under it). */
  url: string;
  port: number;
  /** The control API's base URL (`/_control/...`). */
  controlUrl: string;
  controlPort: number;
  /** Calls the control API in-process: `control('GET', '/_control/stats')`. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Starts a simulated 3PL in this process. */
export async function startSim3pl(simOptions: SimOptions = {}): Promise<Sim3pl> {
  const options = resolveOptions(simOptions);
  // Separate streams, so the faults Handla sees do not shift when the 3PL's own sends change.
  const inboundRandom = seededRandom(options.seed);
  const outboundRandom = seededRandom(options.seed + 7919);
  const sender = createSender(options, outboundRandom);
  const warehouse = createWarehouse(options, (message) => sender.send(message));
  const inbound = createInbound(options, warehouse, inboundRandom);

  const handleWarehouse = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://sim').pathname;
    if (request.method !== 'POST') return reply(response, 405, { error: 'method_not_allowed' });
    readBody(request).then(
      (raw) => inbound.handle(path, request.headers, raw, response),
      () => response.destroy(),
    );
  };
  let warehouseServer = createServer(handleWarehouse);
  const port = await listen(warehouseServer, options.port, options.host);

  let downUntil = 0;
  const deps: ControlDeps = {
    options,
    warehouse,
    sender,
    inbound,
    isDown: () => downUntil > Date.now(),
    // Down means down: connections refused, and nothing sent to Handla, until it comes back.
    async goDown(ms) {
      if (deps.isDown()) return;
      downUntil = Date.now() + ms;
      sender.pause();
      inbound.close();
      await stop(warehouseServer);
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (isClosed) return;
      warehouseServer = createServer(handleWarehouse);
      await listen(warehouseServer, port, options.host);
      sender.resume();
    },
  };
  const control = async (method: string, path: string, body?: unknown) =>
    handleControl(deps, method, path, body);

  const controlServer = createServer((request, response) => {
    readBody(request)
      .then((raw) =>
        control(
          request.method ?? 'GET',
          new URL(request.url ?? '/', 'http://sim').pathname,
          raw ? JSON.parse(raw) : undefined,
        ),
      )
      .then(
        (result) => reply(response, 200, result),
        (error: unknown) => {
          if (error instanceof SimError)
            return reply(response, error.status, { error: error.message, field: error.field });
          reply(response, 400, {
            error: error instanceof Error ? error.message : String(error),
            field: 'body',
          });
        },
      );
  });
  const controlPort = await listen(controlServer, 0, options.host);
  let isClosed = false;

  return {
    url: `http://${options.host}:${port}`,
    port,
    controlUrl: `http://${options.host}:${controlPort}`,
    controlPort,
    control: control as Sim3pl['control'],
    async close() {
      isClosed = true;
      sender.close();
      warehouse.close();
      inbound.close();
      await Promise.all([stop(warehouseServer), stop(controlServer)]);
    },
  };
}
