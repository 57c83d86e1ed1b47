import { z } from 'zod';

/** One outbox event as streamed over SSE and delivered by webhooks. */
export const DomainEventDto = z
  .object({
    id: z.string(),
    type: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    storeId: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Event' });
export type DomainEventDto = z.infer<typeof DomainEventDto>;
