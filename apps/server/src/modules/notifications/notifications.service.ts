// The back office's view of outgoing messages: the list, and one message as the shopper sees it.
import type { MessageDetail, MessageListQuery, MessageSummary } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { findMessage, listMessages, type MessageRow } from './notifications.store';
import { renderMessage } from './templates/render';

function summaryOf(row: MessageRow): MessageSummary {
  return {
    id: row.id,
    channel: row.channel,
    to: row.to,
    template: row.template,
    locale: row.locale,
    orderId: row.orderId,
    orderNumber: row.payload.number ?? null,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    subject: row.subject,
    sendAfter: row.sendAfter.toISOString(),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

// A cursor is the last row's sort key, `[createdAt, id]`, base64url-encoded.
function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (cursor === undefined) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 2) {
      const [createdAt, id] = parts as unknown[];
      if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) {
        return [createdAt, id];
      }
    }
  } catch {
    // falls through to the refusal below
  }
  throw new DomainError('validation_failed', 'Check cursor.', [
    { field: 'cursor', message: 'Not a cursor from this list' },
  ]);
}

/** One page of messages, newest first. */
export async function listOutgoingMessages(ctx: AppContext, query: MessageListQuery) {
  const rows = await listMessages(ctx.db, {
    ...query,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(summaryOf),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url')
        : null,
  };
}

/**
 * One message with what went out. Not yet rendered (queued, failed): rendered now as a preview.
 * The QR image is drawn again from the order snapshot; it is the same PNG that was attached.
 */
export async function getOutgoingMessage(ctx: AppContext, id: string): Promise<MessageDetail> {
  const row = await findMessage(ctx.db, id);
  if (!row) throw new DomainError('not_found', `No message ${id}.`);
  const fresh = await renderMessage({
    channel: row.channel,
    template: row.template,
    locale: row.locale,
    order: row.payload,
  });
  const isPreview = row.bodyText === null;
  const html = isPreview ? fresh.html : row.bodyHtml;
  return {
    ...summaryOf(row),
    subject: isPreview ? fresh.subject : row.subject,
    text: isPreview ? fresh.text : (row.bodyText ?? ''),
    html,
    inlineImages: fresh.inlineImages
      .filter((image) => html?.includes(`cid:${image.cid}`))
      .map((image) => ({
        cid: image.cid,
        contentType: image.contentType,
        dataUrl: `data:${image.contentType};base64,${image.content.toString('base64')}`,
      })),
    providerMessageId: row.providerMessageId,
    isPreview,
  };
}
