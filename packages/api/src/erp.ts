// The ERP connector: one connection per company (base URL, signing secret, which flows, when the
// daily sales go), the messages sent (orders, customers, daily sales) and the ERP's own numbers,
// kept as references. The protocol the ERP implements is in docs/erp.md.
import { z } from 'zod';

/** What goes to the ERP: orders, customers, and each store's day of sales. */
export const ERP_FLOWS = ['orders', 'customers', 'daily_sales'] as const;
export const ErpFlow = z.enum(ERP_FLOWS);
export type ErpFlow = z.infer<typeof ErpFlow>;

/** The kinds of entity the ERP keeps a number for. */
export const ERP_ENTITY_KINDS = ['order', 'customer', 'daily_sales'] as const;
export const ErpEntityKind = z.enum(ERP_ENTITY_KINDS);
export type ErpEntityKind = z.infer<typeof ErpEntityKind>;

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Body of `PUT /api/erp/connection`: creates the connection or changes the given fields. */
export const PutErpConnectionBody = z
  .strictObject({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    isEnabled: z.boolean().optional(),
    flows: z.array(ErpFlow).max(3).optional(),
    /** "HH:MM", Europe/Stockholm: from then on the day before is sent. */
    dailySalesAt: z.string().regex(HH_MM, 'A time HH:MM').optional(),
    /** True: a new signing secret, shown in this answer only. */
    rotateSecret: z.boolean().optional(),
  })
  .meta({ id: 'PutErpConnectionBody' });
export type PutErpConnectionBody = z.infer<typeof PutErpConnectionBody>;

/** The last message the ERP took, per flow. */
export const ErpFlowState = z.object({
  flow: ErpFlow,
  isOn: z.boolean(),
  lastSentAt: z.string().nullable(),
  /** Waiting, being sent or retrying. */
  pending: z.number().int(),
  /** Given up after every attempt (or a conflicting number): dead letters. */
  failed: z.number().int(),
});
export type ErpFlowState = z.infer<typeof ErpFlowState>;

export const ErpConnection = z
  .object({
    baseUrl: z.string(),
    isEnabled: z.boolean(),
    flows: z.array(ErpFlow),
    dailySalesAt: z.string(),
    timeZone: z.string(),
    /** The last local day whose daily sales were made, or null before the first. */
    dailySalesThrough: z.string().nullable(),
    flowStates: z.array(ErpFlowState),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ErpConnection' });
export type ErpConnection = z.infer<typeof ErpConnection>;

/** `GET /api/erp/connection`: null before one is set up. */
export const ErpConnectionState = z
  .object({ connection: ErpConnection.nullable() })
  .meta({ id: 'ErpConnectionState' });
export type ErpConnectionState = z.infer<typeof ErpConnectionState>;

/** `PUT /api/erp/connection`: the secret only on create and on rotation. */
export const ErpConnectionSaved = z
  .object({ connection: ErpConnection, secret: z.string().nullable() })
  .meta({ id: 'ErpConnectionSaved' });
export type ErpConnectionSaved = z.infer<typeof ErpConnectionSaved>;

export const ERP_MESSAGE_STATUSES = ['pending', 'retrying', 'sent', 'failed', 'dismissed'] as const;
export const ErpMessageStatus = z.enum(ERP_MESSAGE_STATUSES);

/** One message to the ERP. */
export const ErpMessage = z
  .object({
    id: z.string(),
    messageId: z.string(),
    flow: ErpFlow,
    entityKind: ErpEntityKind,
    entityId: z.string(),
    version: z.number().int(),
    status: ErpMessageStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    erpNumber: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'ErpMessage' });
export type ErpMessage = z.infer<typeof ErpMessage>;

export const ErpMessagesQuery = z.strictObject({
  status: ErpMessageStatus.optional(),
  flow: ErpFlow.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ErpMessagesQuery = z.infer<typeof ErpMessagesQuery>;

/** The ERP's number for one of ours. */
export const ErpReference = z
  .object({
    entityKind: ErpEntityKind,
    entityId: z.string(),
    erpNumber: z.string(),
    lastSentVersion: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ErpReference' });
export type ErpReference = z.infer<typeof ErpReference>;

export const ErpReferencesQuery = z.strictObject({
  kind: ErpEntityKind.optional(),
  id: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ErpReferencesQuery = z.infer<typeof ErpReferencesQuery>;

/**
 * `POST /api/erp/inbound`, signed per Standard Webhooks with the connection's secret: the ERP
 * reports that one of our invoices was paid. Recorded once per `messageId`.
 */
export const ErpInboundMessage = z
  .strictObject({
    messageId: z.string().trim().min(1).max(100),
    type: z.literal('invoice.paid'),
    /** Our invoice number (as printed on the invoice). */
    invoiceNumber: z.number().int().min(1),
    /** Öre paid. */
    amount: z.number().int().min(1).max(1_000_000_000),
    /** The day the money arrived (YYYY-MM-DD), not after today. */
    paidOn: z.iso.date(),
  })
  .meta({ id: 'ErpInboundMessage' });
export type ErpInboundMessage = z.infer<typeof ErpInboundMessage>;

export const ErpInboundResult = z
  .object({ messageId: z.string(), invoiceId: z.string(), outcome: z.literal('recorded') })
  .meta({ id: 'ErpInboundResult' });
export type ErpInboundResult = z.infer<typeof ErpInboundResult>;
