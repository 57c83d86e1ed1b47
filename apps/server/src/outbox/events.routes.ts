// GET /api/events: outbox events as Server-Sent Events for staff and integrations, filtered by
// store and resumable: a client that reconnects with Last-Event-ID gets every event it missed, once.
import type { ServerResponse } from 'node:http';
import type { DomainEventDto } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { ALL_STAFF, type Principal } from '../http/access';
import { readEventsAfter } from './outbox.store';
import type { OutboxRelay } from './relay';

const HEARTBEAT_MS = 15_000;
const REPLAY_BATCH = 500;

/** Formats one event as an SSE message; the id is the outbox id, the event name its type. */
export function formatSseMessage(event: DomainEventDto): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

// A cashier sees their own store's events only; managers choose, or see all.
function storeFilterFor(principal: Principal | null, requested: string | undefined): string | null {
  if (principal?.kind === 'staff' && principal.role === 'cashier') {
    if (!principal.storeId || (requested && requested !== principal.storeId)) {
      throw new DomainError('forbidden', 'A cashier follows the events of their own store only.');
    }
    return principal.storeId;
  }
  return requested ?? null;
}

/** How one stream filters and resumes; `open` tracks the streams a shutdown must end. */
export interface EventStreamOptions {
  wanted: (event: DomainEventDto) => boolean;
  /** The last event id the client saw (Last-Event-ID): every later wanted event is replayed, once. */
  resumeFrom: number | undefined;
  open: Set<ServerResponse>;
}

/**
 * Turns the request into a Server-Sent Events stream of outbox events: live events from the relay,
 * after replaying what the client missed. Shared by /api/events and the register's own stream.
 */
export async function streamEvents(
  ctx: AppContext,
  relay: OutboxRelay,
  request: FastifyRequest,
  reply: FastifyReply,
  { wanted, resumeFrom, open }: EventStreamOptions,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  open.add(res);

  let lastSent = resumeFrom ?? 0;
  let buffered: DomainEventDto[] | null = resumeFrom === undefined ? null : [];
  const send = (event: DomainEventDto) => {
    if (Number(event.id) <= lastSent && resumeFrom !== undefined) return;
    lastSent = Number(event.id);
    if (wanted(event)) res.write(formatSseMessage(event));
  };
  // Subscribe before replaying, holding live events back, so none falls between the two.
  const unsubscribe = relay.subscribe((event) => (buffered ? buffered.push(event) : send(event)));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  });
  if (resumeFrom === undefined) return;
  try {
    for (;;) {
      const missed = await readEventsAfter(ctx.db, lastSent, REPLAY_BATCH);
      for (const event of missed) send(event);
      if (missed.length < REPLAY_BATCH) break;
    }
  } catch (error) {
    request.log.error({ err: error }, 'event replay failed');
    res.end();
    return;
  }
  const held = buffered ?? [];
  buffered = null;
  for (const event of held) send(event);
}

/** Registers the SSE endpoint; returns a function that ends every open stream (for shutdown). */
export function registerEventRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  relay: OutboxRelay,
  open: Set<ServerResponse> = new Set(),
) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/events', {
    config: { access: { staff: ALL_STAFF, apiKey: 'events:read' } },
    schema: {
      tags: ['events'],
      summary: 'Stream outbox events (text/event-stream); send Last-Event-ID to resume',
      querystring: z.strictObject({
        storeId: z.string().max(100).optional(),
        lastEventId: z.coerce.number().int().min(0).optional(),
      }),
      headers: z.object({ 'last-event-id': z.coerce.number().int().min(0).optional() }),
    },
    handler: async (request, reply) => {
      const storeId = storeFilterFor(request.principal, request.query.storeId);
      await streamEvents(ctx, relay, request, reply, {
        wanted: (e) => storeId === null || e.storeId === storeId,
        resumeFrom: request.headers['last-event-id'] ?? request.query.lastEventId,
        open,
      });
    },
  });
  return () => {
    for (const res of open) res.end();
    open.clear();
  };
}
