// What Handla POSTs to the 3PL: orders, expected deliveries, their changes and cancels. Each is verified (Standard
// Webhooks signature with the connector's secret) and taken once per messageId — Handla sends at
// least once. The inbound faults happen here: a 503 without taking the message, an answer that
// comes after Handla gave up waiting, or no answer at all.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import {
  WmsExpectedDeliveryCancelOut,
  WmsExpectedDeliveryOut,
  WmsExpectedDeliveryUpdateOut,
  WmsOrderCancelOut,
  WmsOrderOut,
  WmsOrderUpdateOut,
} from '@handla/api';
import { Webhook } from 'standardwebhooks';
import type { z } from 'zod';
import type { ResolvedOptions } from './options';
import { SimError } from './sim-error';
import type { Warehouse } from './warehouse';

export interface InboundStats {
  /** Messages taken, by type (each messageId once). */
  taken: Record<string, number>;
  /** Messages Handla sent again after we had taken them. */
  duplicatesReceived: number;
  badSignatures: number;
  faults: { serverError: number; slowAnswer: number; noAnswer: number };
}

export interface Inbound {
  /** Answers one request to `path`; resolves when answered (or left unanswered on purpose). */
  handle(path: string, headers: IncomingHttpHeaders, rawBody: string, response: ServerResponse): void;
  stats(): InboundStats;
  /** Ends the answers still pending (slow or never): the connections are cut. */
  close(): void;
}

type Route = {
  schema:
    | typeof WmsOrderOut
    | typeof WmsOrderUpdateOut
    | typeof WmsOrderCancelOut
    | typeof WmsExpectedDeliveryOut
    | typeof WmsExpectedDeliveryUpdateOut
    | typeof WmsExpectedDeliveryCancelOut;
  /** The order or purchase order the path names; the body must name the same. */
  id?: string;
};

const PATH_ROUTES: [RegExp, Route['schema']][] = [
  [/^\/orders\/([^/]+)\/update$/, WmsOrderUpdateOut],
  [/^\/orders\/([^/]+)\/cancel$/, WmsOrderCancelOut],
  [/^\/expected-deliveries\/([^/]+)\/update$/, WmsExpectedDeliveryUpdateOut],
  [/^\/expected-deliveries\/([^/]+)\/cancel$/, WmsExpectedDeliveryCancelOut],
];

function routeOf(path: string): Route | null {
  if (path === '/orders') return { schema: WmsOrderOut };
  if (path === '/expected-deliveries') return { schema: WmsExpectedDeliveryOut };
  for (const [pattern, schema] of PATH_ROUTES) {
    const match = pattern.exec(path);
    if (match) return { schema, id: decodeURIComponent(match[1]!) };
  }
  return null;
}

function apply(warehouse: Warehouse, message: z.infer<Route['schema']>) {
  switch (message.type) {
    case 'order.created':
      return warehouse.takeOrder(message);
    case 'order.updated':
      return warehouse.updateOrder(message);
    case 'order.cancel':
      return warehouse.cancelOrder(message.orderId);
    case 'delivery.expected':
      return warehouse.expectDelivery(message);
    case 'delivery.updated':
      return warehouse.updateDelivery(message);
    case 'delivery.cancel':
      return warehouse.cancelDelivery(message.purchaseOrderId);
  }
}

function answer(response: ServerResponse, status: number, body: unknown) {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function isSigned(secret: string | null, headers: IncomingHttpHeaders, rawBody: string): boolean {
  if (!secret) return false;
  const header = (name: string) => String(headers[name] ?? '');
  try {
    new Webhook(secret).verify(rawBody, {
      'webhook-id': header('webhook-id'),
      'webhook-timestamp': header('webhook-timestamp'),
      'webhook-signature': header('webhook-signature'),
    });
    return true;
  } catch {
    return false;
  }
}

export function createInbound(options: ResolvedOptions, warehouse: Warehouse, random: () => number): Inbound {
  const seen = new Set<string>();
  const refused = new Map<string, SimError>();
  const open = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const stats: InboundStats = {
    taken: {},
    duplicatesReceived: 0,
    badSignatures: 0,
    faults: { serverError: 0, slowAnswer: 0, noAnswer: 0 },
  };

  function take(route: Route, rawBody: string) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new SimError(400, 'body', 'Not JSON.');
    }
    const parsed = route.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new SimError(400, issue.path.join('.') || 'body', issue.message);
    }
    const message = parsed.data;
    const named = 'orderId' in message ? message.orderId : message.purchaseOrderId;
    if (route.id !== undefined && named !== route.id) {
      const field = 'orderId' in message ? 'orderId' : 'purchaseOrderId';
      throw new SimError(400, field, 'The body names another order than the path.');
    }
    // A refused message is refused alike when it comes again (Handla gives it up as a dead letter).
    const refusal = refused.get(message.messageId);
    if (refusal) throw refusal;
    if (seen.has(message.messageId)) {
      stats.duplicatesReceived++;
      return 'duplicate';
    }
    try {
      apply(warehouse, message);
    } catch (error) {
      if (error instanceof SimError && error.status === 409) refused.set(message.messageId, error);
      throw error;
    }
    seen.add(message.messageId);
    stats.taken[message.type] = (stats.taken[message.type] ?? 0) + 1;
    return 'accepted';
  }

  return {
    handle(path, headers, rawBody, response) {
      const route = routeOf(path);
      if (!route) return answer(response, 404, { error: 'not_found', field: 'path' });
      if (!isSigned(options.secret, headers, rawBody)) {
        stats.badSignatures++;
        return answer(response, 401, { error: 'bad_signature', field: 'webhook-signature' });
      }
      // One draw decides the fault, so a seed gives the same run.
      const draw = random();
      const { serverError, slowAnswer, noAnswer } = options.faults;
      if (draw < serverError) {
        stats.faults.serverError++;
        return answer(response, 503, { error: 'unavailable' });
      }
      let status: string;
      try {
        status = take(route, rawBody);
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        return answer(response, error.status, { error: error.message, field: error.field });
      }
      if (draw < serverError + slowAnswer) {
        stats.faults.slowAnswer++;
        open.add(response);
        const timer = setTimeout(() => {
          timers.delete(timer);
          open.delete(response);
          answer(response, 200, { status });
        }, options.slowAnswerMs);
        timers.add(timer);
        return;
      }
      if (draw < serverError + slowAnswer + noAnswer) {
        stats.faults.noAnswer++;
        open.add(response);
        response.on('close', () => open.delete(response));
        return;
      }
      answer(response, 200, { status });
    },
    stats: () => structuredClone(stats),
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const response of open) response.destroy();
      open.clear();
    },
  };
}
