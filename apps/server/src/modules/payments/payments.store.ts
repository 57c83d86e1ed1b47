// SQL for payments and their operation history.
import type { PaymentAction, PaymentStatus } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { PaymentMethod, PaymentRecord } from './payments.port';

export interface PaymentRow extends PaymentRecord {
  returnUrl: string;
  description: string;
  callbackIdentifier: string | null;
}

export type OperationKind = 'authorize' | 'capture' | 'refund' | 'void' | 'callback';
export type OperationOutcome = 'started' | 'succeeded' | 'refused' | 'ignored';

export interface OperationRow {
  id: string;
  paymentId: string;
  kind: OperationKind;
  amount: number | null;
  idempotencyKey: string;
  outcome: OperationOutcome;
  request: Record<string, unknown>;
  response: Record<string, unknown> | null;
  actor: string | null;
  reason: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const PAYMENT_COLUMNS = `id, order_id as "orderId", method, provider, provider_reference as "providerReference",
  status, currency, amount, authorized, captured, refunded, action, return_url as "returnUrl",
  description, callback_identifier as "callbackIdentifier", created_at as "createdAt", updated_at as "updatedAt"`;

const OPERATION_COLUMNS = `id, payment_id as "paymentId", kind, amount, idempotency_key as "idempotencyKey",
  outcome, request, response, actor, reason, started_at as "startedAt", finished_at as "finishedAt"`;

export interface NewPayment {
  id: string;
  orderId: string;
  method: PaymentMethod;
  provider: string;
  status: PaymentStatus;
  currency: string;
  amount: number;
  returnUrl: string;
  description: string;
  callbackIdentifier: string | null;
  now: Date;
}

/** Inserts the payment unless its id exists (a concurrent insert waits for the first); true when inserted. */
export async function insertPayment(q: Queryable, p: NewPayment): Promise<boolean> {
  const rows = await q.query(
    `insert into payments (id, order_id, method, provider, status, currency, amount, return_url, description,
       callback_identifier, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) on conflict (id) do nothing returning id`,
    [
      p.id,
      p.orderId,
      p.method,
      p.provider,
      p.status,
      p.currency,
      p.amount,
      p.returnUrl,
      p.description,
      p.callbackIdentifier,
      p.now,
    ],
  );
  return rows.length > 0;
}

export async function findPaymentRow(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PaymentRow | null> {
  const [row] = await q.query<PaymentRow>(
    `select ${PAYMENT_COLUMNS} from payments where id = $1 ${options.forUpdate ? 'for update' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function listPaymentsOfOrder(q: Queryable, orderId: string): Promise<PaymentRow[]> {
  return q.query<PaymentRow>(
    `select ${PAYMENT_COLUMNS} from payments where order_id = $1 order by created_at, id`,
    [orderId],
  );
}

export interface PaymentUpdate {
  status: PaymentStatus;
  authorized: number;
  captured: number;
  refunded: number;
  providerReference?: string | null;
  action?: PaymentAction | null;
}

export async function updatePayment(q: Queryable, id: string, u: PaymentUpdate, now: Date): Promise<void> {
  await q.query(
    `update payments set status = $2, authorized = $3, captured = $4, refunded = $5,
       provider_reference = case when $6::boolean then $7 else provider_reference end,
       action = case when $8::boolean then $9::jsonb else action end, updated_at = $10
     where id = $1`,
    [
      id,
      u.status,
      u.authorized,
      u.captured,
      u.refunded,
      u.providerReference !== undefined,
      u.providerReference ?? null,
      u.action !== undefined,
      u.action ? JSON.stringify(u.action) : null,
      now,
    ],
  );
}

export interface NewOperation {
  id: string;
  paymentId: string;
  kind: OperationKind;
  amount: number | null;
  idempotencyKey: string;
  outcome: OperationOutcome;
  request: Record<string, unknown>;
  response?: Record<string, unknown> | null;
  actor: string | null;
  reason: string | null;
  now: Date;
}

/** Records an operation unless the payment already has one with that key; true when inserted. */
export async function insertOperation(q: Queryable, op: NewOperation): Promise<boolean> {
  const finished = op.outcome === 'started' ? null : op.now;
  const rows = await q.query(
    `insert into payment_operations (id, payment_id, kind, amount, idempotency_key, outcome, request, response,
       actor, reason, started_at, finished_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (payment_id, idempotency_key) do nothing returning id`,
    [
      op.id,
      op.paymentId,
      op.kind,
      op.amount,
      op.idempotencyKey,
      op.outcome,
      JSON.stringify(op.request),
      op.response ? JSON.stringify(op.response) : null,
      op.actor,
      op.reason,
      op.now,
      finished,
    ],
  );
  return rows.length > 0;
}

export async function findOperation(
  q: Queryable,
  paymentId: string,
  key: string,
): Promise<OperationRow | null> {
  const [row] = await q.query<OperationRow>(
    `select ${OPERATION_COLUMNS} from payment_operations where payment_id = $1 and idempotency_key = $2`,
    [paymentId, key],
  );
  return row ?? null;
}

/** Keeps an operation "started" (its outcome is unknown) and notes the provider's error. */
export async function noteOperationError(q: Queryable, id: string, error: string): Promise<void> {
  await q.query(`update payment_operations set response = $2 where id = $1 and outcome = 'started'`, [
    id,
    JSON.stringify({ error }),
  ]);
}

export async function listOperations(q: Queryable, paymentId: string): Promise<OperationRow[]> {
  return q.query<OperationRow>(
    `select ${OPERATION_COLUMNS} from payment_operations where payment_id = $1 order by started_at, id`,
    [paymentId],
  );
}

/** Operations sent to the provider and not yet answered. */
export async function operationsInFlight(
  q: Queryable,
  paymentId: string,
): Promise<{ kind: OperationKind; amount: number | null }[]> {
  return q.query(
    `select kind, amount from payment_operations where payment_id = $1 and outcome = 'started'`,
    [paymentId],
  );
}

/** Records the answer of a started operation; false when another caller recorded it first. */
export async function finishStartedOperation(
  q: Queryable,
  id: string,
  outcome: Exclude<OperationOutcome, 'started'>,
  response: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update payment_operations set outcome = $2, response = $3, finished_at = $4
     where id = $1 and outcome = 'started' returning id`,
    [id, outcome, JSON.stringify(response), now],
  );
  return rows.length > 0;
}
