// Checks of a submitted sale or return that need no lock: the server recomputes the receipt with
// the same core code the register ran and compares it with what the device signed; prices and
// VAT rates against the catalog; the cashier's role limits. All refusals name the field.
import type { RegisterCommandDto } from '@handla/api';
import {
  type ComputedReceipt,
  canonicalJson,
  computeReceipt,
  DEFAULT_REGISTER_DISCOUNT_LIMITS,
  DomainError,
  type ReceiptJournalPayload,
  type ReceiptPolicy,
  type RegisterRole,
  type SaleDraft,
} from '@handla/core';
import type { AppContext } from '../../context';
import { findSkuFacts } from '../catalog/catalog.lookups';
import { resolvePrices } from '../pricing/pricing.resolve.service';

/** What each role may give off one line or receipt; the setup sends these to the register too. */
export const REGISTER_DISCOUNT_LIMITS = DEFAULT_REGISTER_DISCOUNT_LIMITS;

export function policyFor(role: RegisterRole): ReceiptPolicy {
  return { role, discountLimits: REGISTER_DISCOUNT_LIMITS };
}

export type ReceiptCommand = Extract<RegisterCommandDto, { kind: 'sale.complete' | 'return.complete' }>;

/** A field error as a 400. */
export function invalidField(field: string, message: string, detail = message): DomainError {
  return new DomainError('validation_failed', detail, [{ field, message }]);
}

// The first path where two JSON values differ, e.g. `totalToPay` or `lines[1].amountInclVat`.
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    // Totals first, so a tampered total is named as such rather than the line that explains it.
    const isNumber = (key: string) => Number(typeof ra[key] === 'number');
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort(
      (x, y) => isNumber(y) - isNumber(x),
    );
    for (const key of keys) {
      const d = firstDifference(ra[key], rb[key], path ? `${path}.${key}` : key);
      if (d !== null) return d;
    }
  }
  return path || '(root)';
}

function valueAt(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[|\]/)
    .filter(Boolean)
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      value,
    );
}

/**
 * Recomputes the receipt and checks that the signed journal payload carries exactly it, with this
 * command's receipt id, number, cashier and control unit answer. Returns the computed receipt.
 */
export function checkReceiptPayload(cmd: ReceiptCommand, role: RegisterRole, field: string): ComputedReceipt {
  let computed: ComputedReceipt;
  try {
    computed = computeReceipt(cmd.draft as SaleDraft, policyFor(role));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = (error.fields ?? []).map((f) => ({ ...f, field: `${field}draft.${f.field}` }));
    throw new DomainError(error.code, error.message, fields);
  }
  const at = `${field}journalEntry.payload`;
  const payload = cmd.journalEntry.payload as Partial<ReceiptJournalPayload> | null;
  if (cmd.journalEntry.kind !== 'receipt') throw invalidField(`${field}journalEntry.kind`, 'Must be receipt');
  if (!payload || typeof payload !== 'object') throw invalidField(at, 'Must be the receipt payload');
  const expected: Omit<ReceiptJournalPayload, 'receipt'> = {
    receiptId: cmd.receiptId,
    receiptNumber: cmd.receiptNumber,
    cashierId: cmd.cashierId,
    controlUnit: cmd.controlUnit,
  };
  for (const key of ['receiptId', 'receiptNumber', 'cashierId', 'controlUnit'] as const) {
    if (canonicalJson(payload[key] ?? null) !== canonicalJson(expected[key])) {
      throw invalidField(`${at}.${key}`, `Must equal the command’s ${key}`);
    }
  }
  const original = cmd.kind === 'return.complete' ? cmd.originalReceiptId : null;
  if ((payload.originalReceiptId ?? null) !== original) {
    throw invalidField(`${at}.originalReceiptId`, 'Must equal the command’s originalReceiptId');
  }
  const diff = firstDifference(payload.receipt, computed);
  if (diff !== null) {
    const sent = valueAt(payload.receipt, diff);
    const ours = valueAt(computed, diff);
    throw invalidField(
      diff === '(root)' ? `${at}.receipt` : `${at}.receipt.${diff}`,
      `The server computes ${JSON.stringify(ours)}, the register sent ${JSON.stringify(sent)}`,
      'The submitted receipt differs from the server’s computation of the same sale.',
    );
  }
  return computed;
}

// Order lines only on a sale of a web order (orders/pay-in-store.apply.ts checks them against it).
function checkOrderLineIds(cmd: ReceiptCommand, field: string): void {
  if (cmd.kind === 'return.complete' && cmd.draft.webOrderId) {
    throw invalidField(`${field}draft.webOrderId`, 'Return a web order’s goods against its receipt');
  }
  cmd.draft.lines.forEach((line, i) => {
    if (line.orderLineId && !cmd.draft.webOrderId) {
      throw invalidField(`${field}draft.lines[${i}].orderLineId`, 'Only on a sale with webOrderId');
    }
  });
}

/** A sold line whose price was not the store's price at the sale (nor the register's cached one). */
export interface PriceDeviation {
  /** 1-based position in the draft's lines. */
  lineNo: number;
  skuId: string;
  /** Unit prices in öre incl. VAT: what the customer paid, and the store's price. */
  charged: number;
  listed: number;
}

/**
 * Checks sold lines against the catalog at the instant of the sale: the SKU exists and the VAT rate
 * is the one in force (or the register's cached one). A unit price other than the store's — unless
 * the seller is a manager — is returned as a deviation to record, not refused: the receipt was
 * printed and paid, and refusing it at sync would stop the register's queue (decision 0011).
 */
export async function checkLinePrices(
  ctx: AppContext,
  cmd: ReceiptCommand,
  storeId: string,
  mayChangePrices: boolean,
  field: string,
): Promise<PriceDeviation[]> {
  // A gift card line is money onto a card, not a catalog SKU: the core checked it already.
  const lines = cmd.draft.lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.quantity > 0 && !line.giftCard)
    // A web order's line carries the order's price: checked against the order when applied.
    .filter(({ line }) => !(cmd.kind === 'sale.complete' && cmd.draft.webOrderId && line.orderLineId));
  checkOrderLineIds(cmd, field);
  if (lines.length === 0) return [];
  const known = new Set(
    (
      await findSkuFacts(
        ctx.db,
        lines.map((l) => l.line.skuId),
      )
    ).map((f) => f.skuId),
  );
  for (const { line, i } of lines) {
    if (!known.has(line.skuId)) throw invalidField(`${field}draft.lines[${i}].skuId`, 'Unknown SKU');
  }
  const prices = await resolvePrices(ctx, {
    skuIds: lines.map((l) => l.line.skuId),
    storeId,
    at: new Date(cmd.at),
  });
  const cached = await pricesTheRegisterHad(ctx, cmd, lines, storeId);
  const deviations: PriceDeviation[] = [];
  for (const [k, { line, i }] of lines.entries()) {
    const price = prices[k]!;
    if (line.vatRateBp !== price.vatRateBp && line.vatRateBp !== cached?.[k]?.vatRateBp) {
      throw invalidField(`${field}draft.lines[${i}].vatRateBp`, `The VAT rate is ${price.vatRateBp} bp`);
    }
    const isCachedPrice = cached?.[k]?.unitPriceInclVat.amount === line.unitPriceInclVat;
    if (!mayChangePrices && line.unitPriceInclVat !== price.unitPriceInclVat.amount && !isCachedPrice) {
      deviations.push({
        lineNo: i + 1,
        skuId: line.skuId,
        charged: line.unitPriceInclVat,
        listed: price.unitPriceInclVat.amount,
      });
    }
  }
  return deviations;
}

/** How far back a register's cached prices still count: a register offline longer must resync. */
const CACHED_PRICES_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

// The prices as of the register's cached catalog (`draft.pricesAsOf`), when that is before the sale
// and recent: a cashier who sold at them sold at a price the shop itself published.
async function pricesTheRegisterHad(
  ctx: AppContext,
  cmd: ReceiptCommand,
  lines: readonly { line: { skuId: string } }[],
  storeId: string,
) {
  const asOf = cmd.draft.pricesAsOf ? new Date(cmd.draft.pricesAsOf) : null;
  const at = new Date(cmd.at);
  if (!asOf || asOf > at || +at - +asOf > CACHED_PRICES_MAX_AGE_MS) return null;
  return resolvePrices(ctx, { skuIds: lines.map((l) => l.line.skuId), storeId, at: asOf });
}
