// For the sim's own tests: a stand-in for Handla's inbound endpoint that follows the protocol of
// packages/api connectors.ts as Handla does — verifies the signature, applies each messageId once
// and each order's messages in sequence (holding early ones) — and can be told to fail requests.
// The real endpoint is tested against the sim in apps/server (wms-sync.process.test.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WmsInboundBody, type WmsInboundMessage } from '@handla/api';
import { Webhook } from 'standardwebhooks';

export const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

export interface FakeHandla {
  url: string;
  /** Every message as it arrived, duplicates included. */
  arrivals: WmsInboundMessage[];
  /** Messages applied, in the order they were applied. */
  applied: WmsInboundMessage[];
  /** Decides each POST's fate before it is read: a status to answer without applying, or null. */
  failWith: () => number | null;
  close(): Promise<void>;
}

const sequenceOf = (m: WmsInboundMessage) => ('sequence' in m ? m.sequence : null);

export async function startFakeHandla(): Promise<FakeHandla> {
  const seen = new Set<string>();
  const nextSequence = new Map<string, number>();
  const held = new Map<string, WmsInboundMessage[]>();
  const fake: FakeHandla = {
    url: '',
    arrivals: [],
    applied: [],
    failWith: () => null,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  function accept(message: WmsInboundMessage): string {
    fake.arrivals.push(message);
    if (seen.has(message.messageId)) return 'duplicate';
    seen.add(message.messageId);
    if (!('sequence' in message)) {
      fake.applied.push(message);
      return 'applied';
    }
    const orderId = message.orderId;
    const waiting: WmsInboundMessage[] = [...(held.get(orderId) ?? []), message];
    let outcome = 'held';
    let next: number = nextSequence.get(orderId) ?? 1;
    for (
      let due = waiting.find((m) => sequenceOf(m) === next);
      due;
      due = waiting.find((m) => sequenceOf(m) === next)
    ) {
      if (due === message) outcome = 'applied';
      fake.applied.push(due);
      waiting.splice(waiting.indexOf(due), 1);
      next++;
    }
    held.set(orderId, waiting);
    nextSequence.set(orderId, next);
    return outcome;
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const failure = fake.failWith();
      if (failure !== null) return response.writeHead(failure).end();
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        new Webhook(SECRET).verify(raw, request.headers as Record<string, string>);
      } catch {
        return response.writeHead(401).end();
      }
      const body = WmsInboundBody.parse(JSON.parse(raw));
      const messages = 'messages' in body ? body.messages : [body];
      const results = messages.map((m) => ({ messageId: m.messageId, outcome: accept(m) }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** POSTs `message` to the sim at `url + path`, signed with `secret` as Handla signs. */
export async function postToSim(url: string, path: string, message: { messageId: string }, secret = SECRET) {
  const body = JSON.stringify(message);
  const at = new Date();
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': message.messageId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(message.messageId, at, body),
    },
    body,
    signal: AbortSignal.timeout(2000),
  });
}

/** Waits until `condition()` holds (polling), or fails after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
