// What Handla POSTs to the 3PL: orders, cancels and expected deliveries. Each is verified (Standard
// Webhooks signature with the connector's secret) and taken once per messageId — Handla sends at
// least once. The inbound faults happen here: a 503 without taking the message, an answer that
// comes after Handla gave up waiting, or no answer at all.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { WmsExpectedDeliveryOut, WmsOrderCancelOut, WmsOrderOut } from '@handla/api';
import { Webhook } from 'standardwebhooks';
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
  schema: typeof WmsOrderOut | typeof WmsOrderCancelOut | typeof WmsExpectedDeliveryOut;
  orderId?: string;
};

function routeOf(path: string): Route | null {
  if (path === '/orders') return { schema: WmsOrderOut };
  if (path === '/expected-deliveries') return { schema: WmsExpectedDeliveryOut };
  const cancel = /^\/orders\/([^/]+)\/cancel$/.exec(path);
  return cancel ? { schema: WmsOrderCancelOut, orderId: decodeURIComponent(cancel[1]!) } : null;
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
    if (route.orderId !== undefined && 'orderId' in message && message.orderId !== route.orderId) {
      throw new SimError(400, 'orderId', 'The body names another order than the path.');
    }
    if (seen.has(message.messageId)) {
      stats.duplicatesReceived++;
      return 'duplicate';
    }
    seen.add(message.messageId);
    stats.taken[message.type] = (stats.taken[message.type] ?? 0) + 1;
    if (message.type === 'order.created') warehouse.takeOrder(message);
    else if (message.type === 'order.cancel') warehouse.cancelOrder(message.orderId);
    else warehouse.expectDelivery(message);
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
