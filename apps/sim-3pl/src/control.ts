// The control API a test or the bench uses to steer the 3PL (on its own port, so it answers while
// the 3PL is "down"): stock, work, cancels, returns, snapshots, deliveries, downtime, fault rates,
// raw messages, and what was sent and taken. See docs/sim-3pl.md.
import { WmsInboundMessage } from '@handla/api';
import { z } from 'zod';
import type { Inbound } from './inbound';
import { invalidFaultField, type ResolvedOptions } from './options';
import type { Sender } from './sender';
import { SimError } from './sim-error';
import type { Warehouse } from './warehouse';

export interface ControlDeps {
  options: ResolvedOptions;
  warehouse: Warehouse;
  sender: Sender;
  inbound: Inbound;
  goDown(ms: number): Promise<void>;
  isDown(): boolean;
}

const Sku = z.string().min(1);
const Lines = z.array(z.object({ sku: Sku, quantity: z.number().int().min(0) })).min(1);
const bodies = {
  connect: z.object({
    handlaUrl: z.url(),
    connectorId: z.string().min(1),
    secret: z.string().startsWith('whsec_'),
  }),
  stock: z.object({ items: z.record(Sku, z.number().int().min(0)) }),
  faults: z.record(z.string(), z.unknown()),
  work: z.object({ orderId: z.string().min(1).optional() }),
  cancel: z.object({ reason: z.string().max(500).optional() }),
  returns: z.object({
    lines: z
      .array(
        z.object({
          sku: Sku,
          quantity: z.number().int().min(1),
          condition: z.enum(['resellable', 'damaged']),
        }),
      )
      .min(1),
  }),
  receive: z.object({ lines: Lines.optional() }),
  sending: z.object({ isHeld: z.boolean() }),
  snapshot: z.object({
    skus: z.array(Sku).min(1).optional(),
    times: z.number().int().min(1).max(100_000).default(1),
  }),
  down: z.object({ ms: z.number().int().min(1).max(600_000) }),
  send: z.object({ messages: z.array(WmsInboundMessage).min(1).max(1000) }),
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new SimError(400, issue.path.join('.') || 'body', issue.message);
}

/** Answers `method path` with `body`; the result is the JSON to send (200), or a SimError. */
export async function handleControl(deps: ControlDeps, method: string, path: string, body: unknown) {
  const { warehouse, sender, inbound, options } = deps;
  const route = `${method} ${path.replace(/^\/_control/, '')}`;
  const orderPath = /^POST \/orders\/([^/]+)\/(ship|cancel|returns)$/.exec(route);
  if (orderPath) {
    const orderId = decodeURIComponent(orderPath[1]!);
    if (orderPath[2] === 'ship') return { worked: warehouse.work(orderId) };
    if (orderPath[2] === 'cancel') warehouse.cancelRest(orderId, parse(bodies.cancel, body).reason);
    else warehouse.returnLines(orderId, parse(bodies.returns, body).lines);
    return { ok: true };
  }
  const receive = /^POST \/deliveries\/([^/]+)\/receive$/.exec(route);
  if (receive) {
    warehouse.receiveDelivery(decodeURIComponent(receive[1]!), parse(bodies.receive, body).lines);
    return { ok: true };
  }
  switch (route) {
    case 'GET /stats':
      return {
        isDown: deps.isDown(),
        sent: sender.stats(),
        received: inbound.stats(),
        orders: countBy(warehouse.orders().map((o) => o.status)),
      };
    case 'GET /messages':
      return { items: sender.records() };
    case 'GET /orders':
      return { items: warehouse.orders() };
    case 'GET /stock':
      return { items: warehouse.stock() };
    case 'GET /deliveries':
      return { items: warehouse.deliveries() };
    case 'POST /connect':
      Object.assign(options, parse(bodies.connect, body));
      options.handlaUrl = options.handlaUrl!.replace(/\/+$/, '');
      sender.resume();
      return { ok: true };
    case 'PUT /stock':
      warehouse.setStock(parse(bodies.stock, body).items);
      return { items: warehouse.stock() };
    case 'PUT /faults': {
      const faults = parse(bodies.faults, body);
      const bad = invalidFaultField(faults);
      if (bad) throw new SimError(400, bad, 'A known fault with a rate between 0 and 1.');
      Object.assign(options.faults, faults);
      return { faults: options.faults };
    }
    case 'POST /work':
      return { worked: warehouse.work(parse(bodies.work, body).orderId) };
    case 'PUT /sending':
      sender.hold(parse(bodies.sending, body).isHeld);
      return { ok: true };
    case 'POST /snapshot': {
      const { skus, times } = parse(bodies.snapshot, body);
      for (let i = 0; i < times; i++) warehouse.sendSnapshot(skus);
      return { ok: true };
    }
    case 'POST /down': {
      const { ms } = parse(bodies.down, body);
      void deps.goDown(ms);
      return { ok: true, downForMs: ms };
    }
    case 'POST /send':
      for (const message of parse(bodies.send, body).messages) sender.send(message);
      return { ok: true };
  }
  throw new SimError(404, 'path', `No control route ${route}.`);
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
