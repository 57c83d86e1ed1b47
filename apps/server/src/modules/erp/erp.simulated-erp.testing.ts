// A simulated ERP for the tests: a real HTTP server on a local port that speaks the documented
// protocol (docs/erp.md) — an ERP is a paid third party we cannot reach from tests. It checks each
// message's Standard Webhooks signature, gives each entity its own number once, answers a repeated
// messageId with the number it gave before, and can be told to misbehave: fail, time out (taking
// the message but answering too late), answer a conflicting number, or be down.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message as the ERP took it (kept only when it answered with a number). */
export interface TakenMessage {
  path: string;
  messageId: string;
  entity: string;
  id: string;
  version: number;
  erpNumber: string | null;
  body: Record<string, unknown>;
  answered: string;
}

/** What to do with the next request: take it, or a fault. */
export type Fault = 'ok' | 'fail' | 'timeout' | 'conflict' | 'no-number';

export interface SimulatedErp {
  baseUrl: string;
  /** Every message taken, in the order it arrived (repeats included). */
  taken: TakenMessage[];
  /** Requests refused for a bad signature. */
  badSignatures: number;
  /** The number given per "entity:id". */
  numbers: Map<string, string>;
  /** Decides each request's fate; 'ok' by default. */
  fault: (message: { entity: string; id: string; version: number; messageId: string }) => Fault;
  setSecret(secret: string): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const PREFIX: Record<string, string> = { order: 'SO-', customer: 'CU-', daily_sales: 'DS-' };

/** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" with the secret's base64 key. */
function isSigned(secret: string, request: IncomingMessage, body: string): boolean {
  const id = String(request.headers['webhook-id'] ?? '');
  const timestamp = String(request.headers['webhook-timestamp'] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  // The tests move the sender's clock by hours, so the timestamp's age is not checked here.
  return String(request.headers['webhook-signature'] ?? '')
    .split(' ')
    .some((sig) => {
      const given = Buffer.from(sig.replace(/^v1,/, ''), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

export async function startSimulatedErp(timeoutDelayMs = 1_500): Promise<SimulatedErp> {
  let secret = '';
  let counter = 10_000;
  const answers = new Map<string, string>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  const erp: SimulatedErp = {
    baseUrl: '',
    taken: [],
    badSignatures: 0,
    numbers: new Map(),
    fault: () => 'ok',
    setSecret: (s) => {
      secret = s;
    },
    down: async () => stop(),
    up: async () => {
      server = createServer(handle);
      await listenOn(port);
    },
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      if (server.listening) await stop();
    },
  };

  function take(path: string, body: Record<string, unknown>, fault: Fault): string | null {
    const messageId = String(body.messageId);
    const entityKey = `${body.entity}:${body.id}`;
    // A repeated messageId gets the number given the first time.
    let number = answers.get(messageId) ?? null;
    if (number === null) {
      number = erp.numbers.get(entityKey) ?? null;
      if (number === null) {
        counter += 1;
        number = `${PREFIX[String(body.entity)] ?? 'X-'}${counter}`;
        erp.numbers.set(entityKey, number);
      }
      if (fault === 'conflict') number = `${number}-OTHER`;
      answers.set(messageId, number);
    }
    erp.taken.push({
      path,
      messageId,
      entity: String(body.entity),
      id: String(body.id),
      version: Number(body.version),
      erpNumber: (body.erpNumber as string | null) ?? null,
      body,
      answered: number,
    });
    return number;
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!isSigned(secret, request, text)) {
        erp.badSignatures += 1;
        response.writeHead(401).end('bad signature');
        return;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      const fault = erp.fault({
        entity: String(body.entity),
        id: String(body.id),
        version: Number(body.version),
        messageId: String(body.messageId),
      });
      if (fault === 'fail') {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      const number = take(request.url ?? '', body, fault);
      const answer = fault === 'no-number' ? '{}' : JSON.stringify({ number });
      if (fault === 'timeout') {
        // Taken, but answered after the sender has given up waiting.
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          if (!response.destroyed)
            response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
        }, timeoutDelayMs);
        pendingTimers.add(timer);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  }

  let server: Server = createServer(handle);
  const listenOn = (at: number) =>
    new Promise<number>((resolve) => {
      server.listen(at, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const port = await listenOn(0);
  erp.baseUrl = `http://127.0.0.1:${port}/erp/v1`;
  return erp;
}
