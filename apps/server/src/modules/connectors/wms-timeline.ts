// Every message to or from a warehouse about an order lands on the order's timeline: an outbox
// event about the order (the timeline reads the order's events), written in the same transaction
// as the message's outcome.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';

/** Announces a message's outcome on its order's timeline; messages about no order are skipped. */
export async function announceMessage(
  tx: Queryable,
  ctx: AppContext,
  message: {
    connectorId: string;
    direction: 'in' | 'out';
    messageId: string;
    type: string;
    orderId: string | null;
  },
  outcome: string,
): Promise<void> {
  if (!message.orderId) return;
  const arrow = message.direction === 'out' ? '→ 3PL' : '← 3PL';
  await emitEvent(
    tx,
    {
      type: message.direction === 'out' ? 'connector.message_sent' : 'connector.message_received',
      aggregateType: 'order',
      aggregateId: message.orderId,
      data: {
        actor: `connector:${message.connectorId}`,
        reason: `${message.type} ${arrow}: ${outcome}`,
        connectorId: message.connectorId,
        messageId: message.messageId,
        messageType: message.type,
        outcome,
      },
    },
    ctx.clock(),
  );
}
