// Shared set-up of the connector tests: the demo app listening on a port, a manager's session, a
// local warehouse receiver (signature-checking, deduplicating by webhook-id, failing on demand),
// and `3PL-BORAS` connected to it as the home-delivery warehouse.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WmsInboundMessage } from '@handla/api';
import { afterAll, beforeAll } from 'vitest';
import type { StaffSession } from '../../testing/http-driver';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { postWmsMessages, setUpWms, type WmsSetup } from './connectors.testing';
import { isSignedBy } from './http-sender';

/** What the fake warehouse received: every POST, and the messages it took (once per webhook-id). */
export interface Receiver {
  url: string;
  posts: { path: string; messageId: string; isSigned: boolean }[];
  taken: Map<string, { path: string; body: Record<string, unknown> }>;
  /** Answer the next `n` POSTs with 500 (or every one while `isDown`). */
  failNext: number;
  isDown: boolean;
  /** Paths answered 409 (a refusal, as for new lines of an order being picked). */
  refuse: RegExp | null;
  server: Server;
}

async function startReceiver(secret: () => string): Promise<Receiver> {
  const receiver = {
    posts: [],
    taken: new Map(),
    failNext: 0,
    isDown: false,
    refuse: null,
  } as unknown as Receiver;
  receiver.server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const messageId = String(req.headers['webhook-id'] ?? '');
      const isSigned = isSignedBy(secret(), req.headers, raw);
      receiver.posts.push({ path: req.url ?? '', messageId, isSigned });
      if (receiver.isDown || receiver.failNext > 0) {
        receiver.failNext = Math.max(0, receiver.failNext - 1);
        res.writeHead(500).end('down');
        return;
      }
      if (isSigned && receiver.refuse?.test(req.url ?? '')) {
        res.writeHead(409).end('{"error":"picking has started"}');
        return;
      }
      // A real WMS applies a message id once, whatever number of times it arrives.
      if (isSigned && !receiver.taken.has(messageId)) {
        receiver.taken.set(messageId, { path: req.url ?? '', body: JSON.parse(raw) });
      }
      res.writeHead(isSigned ? 200 : 401).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/wms`;
  return receiver;
}

export interface ConnectorsHarness {
  t: TestApp;
  base: string;
  manager: StaffSession;
  receiver: Receiver;
  wms: WmsSetup;
  /** Moves the app's clock forward (retries become due); signatures stay within their tolerance. */
  advance(ms: number): void;
}

export function useConnectors(): ConnectorsHarness {
  const h = {} as ConnectorsHarness;
  let offset = 0;
  beforeAll(async () => {
    h.t = await createTestApp();
    h.t.ctx.clock = () => new Date(Date.now() + offset);
    h.advance = (ms) => {
      offset += ms;
    };
    h.base = await h.t.app.listen({ port: 0, host: '127.0.0.1' });
    h.manager = { baseUrl: h.base, cookie: await signIn(h.t.app, 'manager') };
    h.receiver = await startReceiver(() => h.wms.connector.secret);
    h.wms = await setUpWms(h.manager, { baseUrl: h.receiver.url, skuCount: 3, units: 50 });
  });
  afterAll(async () => {
    await new Promise((resolve) => h.receiver.server.close(resolve));
    await h.t.close();
  });
  return h;
}

let counter = 0;
/** A fresh message id. */
export const nextMessageId = () => `m${++counter}_${Math.random().toString(36).slice(2, 8)}`;

/** An order message for `orderId` with the given sequence. */
export function orderMsg(
  orderId: string,
  sequence: number,
  type: 'order.received' | 'order.picking' | 'order.cancelled',
): WmsInboundMessage {
  return { messageId: nextMessageId(), type, orderId, sequence, occurredAt: new Date().toISOString() };
}

/** POSTs messages signed by the harness's connector. */
export const post = (h: ConnectorsHarness, body: unknown) =>
  postWmsMessages(h.base, h.wms.connector, body as Record<string, unknown>);

/** Runs the outbound jobs: fan-out, then sending. */
export async function runOutbound(h: ConnectorsHarness) {
  await h.t.app.jobs.runOnce('connectors.fanout');
  await h.t.app.jobs.runOnce('connectors.send');
}
