// Writing a checked sale or return inside the command's transaction: the gapless receipt number,
// the return limits against the original receipt, gift cards, the receipt rows, stock and events.
import type { ComputedReceipt } from '@handla/core';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { moveStockForRegisterReceipt } from '../inventory/register-sales';
import { applyInvoicePayments } from '../invoices/register-invoices.apply';
import { listLocations } from '../locations/locations.lookups';
import { applyPayInStoreIn } from '../orders/pay-in-store.apply';
import { insertGiftCardEntry, lockGiftCard } from './commands.store';
import type { RegisterRow } from './devices.store';
import { applyGiftCardSales, isGoodsLine } from './gift-card-sales.apply';
import { invalidField, type PriceDeviation, type ReceiptCommand } from './receipt-checks';
import { bookReceiptPromotions, checkReceiptPromotions } from './receipt-promotions.apply';
import * as receipts from './receipts.store';
import { applyVoucherPayments } from './vouchers.apply';

export interface ReceiptWork {
  cmd: ReceiptCommand;
  /** The command's field prefix in the batch, e.g. `commands.3.`. */
  field: string;
  register: RegisterRow;
  approvedBy: string | null;
  computed: ComputedReceipt;
  now: Date;
  /** Lines sold at another price than the store's: recorded and announced for review. */
  priceDeviations?: readonly PriceDeviation[];
}

// A return against a receipt: each line names a line of the original, of the same SKU, for no more
// units than were bought minus those already returned, at no more than was paid per unit; the
// refund goes back to the methods the original was paid with.
async function checkReturnAgainst(tx: Queryable, w: ReceiptWork, originalId: string) {
  const { cmd, field } = w;
  const original = await receipts.findReceipt(tx, originalId);
  if (original?.kind !== 'sale') {
    throw invalidField(`${field}originalReceiptId`, 'No such sale receipt');
  }
  if (original.isTraining !== cmd.draft.isTraining) {
    throw invalidField(`${field}draft.isTraining`, 'Must match the original receipt');
  }
  await receipts.lockReceipt(tx, original.id);
  const lines = new Map((await receipts.listReceiptLines(tx, original.id)).map((l) => [l.lineNo, l]));
  const returning = new Map<number, number>();
  for (const [i, line] of cmd.draft.lines.entries()) {
    const at = `${field}draft.lines[${i}]`;
    const bought = line.originalLineNo === undefined ? undefined : lines.get(line.originalLineNo);
    if (!bought) throw invalidField(`${at}.originalLineNo`, 'Not a line of the original receipt');
    if (line.originalReceiptId !== undefined && line.originalReceiptId !== original.id) {
      throw invalidField(`${at}.originalReceiptId`, 'Must be the original receipt');
    }
    if (line.skuId !== bought.skuId) throw invalidField(`${at}.skuId`, 'Not the SKU of the original line');
    const units = (returning.get(bought.lineNo) ?? 0) - line.quantity;
    returning.set(bought.lineNo, units);
    if (units > bought.quantity - bought.returnedQuantity) {
      throw new DomainError('conflict', 'More units than were bought and not yet returned.', [
        {
          field: `${at}.quantity`,
          message: `At most ${bought.quantity - bought.returnedQuantity} can be returned`,
        },
      ]);
    }
    if (line.unitPriceInclVat > Math.ceil(bought.totalInclVat / bought.quantity)) {
      throw invalidField(`${at}.unitPriceInclVat`, 'More than was paid per unit');
    }
  }
  const paidWith = new Set((await receipts.listReceiptPayments(tx, original.id)).map((p) => p.method));
  for (const [i, payment] of cmd.draft.payments.entries()) {
    // A credit note (tillgodokvitto) is offered whatever the original was paid with.
    if (payment.method !== 'voucher' && !paidWith.has(payment.method)) {
      throw invalidField(
        `${field}draft.payments[${i}].method`,
        'Refund to a method the original was paid with',
      );
    }
  }
  return original;
}

// Gift card payments redeem (or, on a refund, credit) the card named by the payment's reference.
async function bookGiftCards(tx: Queryable, ctx: AppContext, w: ReceiptWork): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  for (const [i, payment] of w.computed.payments.entries()) {
    if (payment.method !== 'gift_card') continue;
    const at = `${w.field}draft.payments[${i}].reference`;
    const card = payment.reference ? await lockGiftCard(tx, payment.reference) : undefined;
    if (!card) throw invalidField(at, 'Unknown gift card');
    if (payment.amount > card.balance) {
      throw new DomainError('invalid_state', 'The gift card does not cover the amount.', [
        { field: at, message: `The balance is ${card.balance}` },
      ]);
    }
    await insertGiftCardEntry(tx, {
      id: ctx.newId('gcl'),
      giftCardId: card.id,
      amount: -payment.amount,
      receiptId: w.cmd.receiptId,
      at: w.now,
    });
    events.push({
      type: 'gift_card.redeemed',
      aggregateType: 'gift_card',
      aggregateId: card.id,
      storeId: w.register.storeId,
      data: {
        giftCardId: card.id,
        amount: payment.amount,
        receiptId: w.cmd.receiptId,
        balance: card.balance - payment.amount,
      },
    });
  }
  return events;
}

/** Books a checked sale or return; the journal entry is already written (the receipt points at it). */
export async function applyReceipt(tx: Queryable, ctx: AppContext, w: ReceiptWork): Promise<void> {
  const { cmd, computed, register } = w;
  const last = await receipts.findLastReceiptNumber(tx, register.id);
  if (cmd.receiptNumber !== last + 1) {
    throw new DomainError(
      'journal_gap',
      `Receipt number ${last + 1} is next; numbering is gapless per register.`,
      [{ field: `${w.field}receiptNumber`, message: `Expected ${last + 1}` }],
    );
  }
  const original =
    cmd.kind === 'return.complete' && cmd.originalReceiptId
      ? await checkReturnAgainst(tx, w, cmd.originalReceiptId)
      : null;
  await checkReceiptPromotions(tx, w);
  await receipts.insertReceipt(
    tx,
    {
      id: cmd.receiptId,
      registerId: register.id,
      storeId: register.storeId,
      number: cmd.receiptNumber,
      kind: cmd.kind === 'return.complete' ? 'return' : 'sale',
      isTraining: computed.isTraining,
      cashierId: cmd.cashierId,
      approvedBy: w.approvedBy,
      customerId: computed.customerId ?? null,
      currency: computed.currency,
      totalInclVat: computed.totalToPay,
      vatAmount: computed.vat.totalVat,
      rounding: computed.roundingAmount,
      controlCode: cmd.controlUnit.controlCode,
      controlUnitSerial: cmd.controlUnit.serialNumber,
      computed,
      originalReceiptId: original?.id ?? null,
      journalSequence: cmd.journalEntry.sequence,
      commandId: cmd.commandId,
      occurredAt: cmd.at,
      priceDeviations: w.priceDeviations ?? [],
    },
    computed.lines.filter(isGoodsLine).map((l) => ({
      lineNo: l.lineNo,
      skuId: l.skuId,
      skuCode: l.skuCode,
      name: l.name,
      quantity: l.quantity,
      unitPriceInclVat: l.unitPriceInclVat,
      discountInclVat: (l.promotionDiscountAmount ?? 0) + l.lineDiscountAmount + l.receiptDiscountAmount,
      totalInclVat: l.amountInclVat,
      vatRateBp: l.vatRateBp,
      originalLineNo: l.originalLineNo ?? null,
    })),
    computed.payments.map((p) => ({ method: p.method, amount: p.amount, reference: p.reference ?? null })),
    w.now,
  );
  // After the receipt, which the gift card ledger points at. Practice receipts never touch a
  // real card's balance.
  const giftCardEvents = computed.isTraining ? [] : await bookGiftCards(tx, ctx, w);
  const couponEvents = await bookReceiptPromotions(tx, ctx, w);
  await applyGiftCardSales(tx, ctx, w);
  await applyVoucherPayments(tx, ctx, w);
  // An invoice payment issues (a return credits) the customer's invoice; its events go out last.
  const invoiceEvents = await applyInvoicePayments(tx, ctx, w);
  // Practice receipts move no goods and stay out of sales figures and events.
  if (computed.isTraining) return;
  const [location] = (await listLocations(tx, { storeId: register.storeId })).filter(
    (l) => l.kind === 'store',
  );
  if (!location) throw new DomainError('invalid_state', 'The store has no stock location.');
  const isReturn = cmd.kind === 'return.complete';
  const receiptEvent: NewEvent = {
    type: isReturn ? 'sale.returned' : 'sale.completed',
    aggregateType: 'receipt',
    aggregateId: cmd.receiptId,
    storeId: register.storeId,
    data: {
      receiptId: cmd.receiptId,
      registerId: register.id,
      receiptNumber: cmd.receiptNumber,
      cashierId: cmd.cashierId,
      customerId: computed.customerId ?? null,
      originalReceiptId: original?.id ?? null,
      totalToPay: computed.totalToPay,
      currency: computed.currency,
      lines: computed.lines.map((l) => ({
        skuId: l.skuId,
        quantity: l.quantity,
        amountInclVat: l.amountInclVat,
      })),
    },
  };
  const stockWork = {
    locationId: location.id,
    lines: computed.lines.filter(isGoodsLine).map((l) => ({ skuId: l.skuId, quantity: -l.quantity })),
    reference: cmd.receiptId,
    actor: cmd.cashierId,
    at: w.now,
    newId: ctx.newId,
    leading: [receiptEvent, ...giftCardEvents, ...priceDeviationEvents(w), ...couponEvents, ...invoiceEvents],
  };
  // A pickup order paid in store: its lines consume the order's held stock (orders/pay-in-store.apply.ts).
  if (cmd.kind === 'sale.complete' && cmd.draft.webOrderId) {
    await applyPayInStoreIn(tx, ctx, w, stockWork);
    return;
  }
  await moveStockForRegisterReceipt(tx, stockWork);
}

// One event per receipt with deviating prices, so a manager (or an integration) can follow up.
function priceDeviationEvents(w: ReceiptWork): NewEvent[] {
  if (!w.priceDeviations?.length) return [];
  return [
    {
      type: 'sale.price_deviation',
      aggregateType: 'receipt',
      aggregateId: w.cmd.receiptId,
      storeId: w.register.storeId,
      data: {
        receiptId: w.cmd.receiptId,
        registerId: w.register.id,
        receiptNumber: w.cmd.receiptNumber,
        cashierId: w.cmd.cashierId,
        lines: w.priceDeviations,
      },
    },
  ];
}
