// The commands a register sends to `POST /api/registers/:id/commands`: each made (and journaled,
// signed) on the device, possibly offline, and applied on the server exactly once, in order.
import { z } from 'zod';

const Id = z.string().min(1).max(100);
const Text = z.string().trim().min(1).max(200);
const Ore = z.number().int().min(0).max(1_000_000_000);

/** How a customer pays or is refunded. */
export const PaymentMethodDto = z.enum([
  'cash',
  'card_standalone',
  'card_terminal',
  'swish',
  'gift_card',
  'voucher',
  'invoice',
]);
export type PaymentMethodDto = z.infer<typeof PaymentMethodDto>;

/** A discount: an amount in öre or a percentage in basis points (10 % = 1000), with a reason. */
export const DiscountDto = z.strictObject({
  kind: z.enum(['amount', 'percent']),
  value: Ore,
  reason: Text,
});
export type DiscountDto = z.infer<typeof DiscountDto>;

/** One line as the register priced it (core `SaleLineDraft`); a return line has a negative quantity. */
export const SaleLineDraftDto = z.strictObject({
  skuId: Id,
  skuCode: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  quantity: z.number().int().min(-9999).max(9999),
  unitPriceInclVat: Ore,
  vatRateBp: z.number().int().min(0).max(10000),
  discount: DiscountDto.optional(),
  warrantyText: z.string().max(2000).optional(),
  /** On a return against a receipt: the original receipt and its line number. */
  originalReceiptId: Id.optional(),
  originalLineNo: z.number().int().min(1).optional(),
  /** On a web order paid in store: the order line this register line hands over. */
  orderLineId: Id.optional(),
  /**
   * A gift card sold (`issue`) or topped up at the register (core `GiftCardLine`): no SKU, no
   * stock, VAT rate 0, quantity 1, no discount; the card is loaded when the receipt is applied.
   */
  giftCard: z
    .strictObject({
      code: z.string().regex(/^[A-Z0-9]{8,32}$/, '8–32 capital letters or digits'),
      action: z.enum(['issue', 'top_up']),
    })
    .optional(),
  /**
   * The promotion engine's discounts on this line, by rule (core `PromotionLineDiscount`), as the
   * register priced and printed them: stored as facts, checked to add up, never re-priced.
   */
  promotionDiscounts: z
    .array(z.strictObject({ ruleId: Id, name: Text, amount: z.number().int().min(1).max(1_000_000_000) }))
    .max(20)
    .optional(),
});
export type SaleLineDraftDto = z.infer<typeof SaleLineDraftDto>;

/** A payment (core `PaymentInput`); negative on a refund. */
export const PaymentDraftDto = z.strictObject({
  method: PaymentMethodDto,
  amount: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  /** Cash handed over; the change is computed. */
  tendered: Ore.optional(),
  /** Card slip number, Swish id, gift card or voucher code, invoice reference. */
  reference: z.string().trim().min(1).max(100).optional(),
});
export type PaymentDraftDto = z.infer<typeof PaymentDraftDto>;

/** What the cashier rang up (core `SaleDraft`): recomputed on the server with the same core code. */
export const SaleDraftDto = z.strictObject({
  currency: z.string().length(3),
  lines: z.array(SaleLineDraftDto).min(1).max(500),
  receiptDiscount: DiscountDto.optional(),
  customerId: Id.optional(),
  /** A pickup order paid in store: its lines carry `orderLineId`; add-on lines may join them. */
  webOrderId: Id.optional(),
  /**
   * When the register's cached prices were resolved (its setup's `catalog.pricedAt`). A line priced
   * by them is accepted even if the price changed before the sale while the register was offline:
   * the customer paid that price, and refusing the receipt would block the register's queue.
   */
  pricesAsOf: z.iso.datetime({ offset: true }).optional(),
  /** Coupon codes the register applied: each redeemed once when the receipt is booked (reference = receipt id). */
  couponCodes: z.array(z.string().trim().min(1).max(64)).max(5).optional(),
  isTraining: z.boolean(),
  payments: z.array(PaymentDraftDto).max(20),
});
export type SaleDraftDto = z.infer<typeof SaleDraftDto>;

/** The control unit's answer (core `ControlUnitResponse`), printed on the receipt. */
export const ControlUnitResponseDto = z.strictObject({
  controlCode: z.string().min(1).max(200),
  serialNumber: z.string().min(1).max(100),
});
export type ControlUnitResponseDto = z.infer<typeof ControlUnitResponseDto>;

/** What a journal entry records (core `JournalEntryKind`). */
export const JournalEntryKindDto = z.enum([
  'receipt',
  'copy',
  'pro_forma',
  'drawer_open',
  'cash_movement',
  'report_x',
  'report_z',
  'control_unit_failure',
]);

/**
 * The journal entry the device appended and signed for the command (core `JournalEntry`).
 * For a sale or return its payload is the core `ReceiptJournalPayload`, whose `receipt` must equal
 * the server's own `computeReceipt` of the draft — a differing total is refused naming the field.
 */
export const JournalEntryDto = z.strictObject({
  registerId: Id,
  sequence: z.number().int().min(1),
  kind: JournalEntryKindDto,
  at: z.iso.datetime({ offset: true }),
  payload: z.unknown(),
  previousHash: z.string().max(200),
  hash: z.string().min(1).max(200),
  signature: z.string().min(1).max(400),
});
export type JournalEntryDto = z.infer<typeof JournalEntryDto>;

/** A manager's staff number and PIN, for what a cashier may not do alone. Checked, never stored. */
export const ManagerApprovalDto = z.strictObject({
  staffNumber: z.string().regex(/^\d{1,10}$/),
  pin: z.string().regex(/^\d{4,8}$/),
});
export type ManagerApprovalDto = z.infer<typeof ManagerApprovalDto>;

// Core `RegisterCommandBase`, with the journal entry required: the server only accepts signed work.
const CommandBase = {
  /** Client-made id: a repeat returns the first result and changes nothing. */
  commandId: Id,
  registerId: Id,
  deviceSequence: z.number().int().min(1),
  /** The staff id of the cashier signed in at the register. */
  cashierId: Id,
  at: z.iso.datetime({ offset: true }),
  journalEntry: JournalEntryDto,
  /** A manager's approval where the cashier's role is not enough (return without receipt, drawer). */
  approval: ManagerApprovalDto.optional(),
};

const ReceiptCommand = {
  ...CommandBase,
  /** Client-made receipt id (the QR carries it). */
  receiptId: Id,
  /** Gapless per register: the last receipt number + 1. */
  receiptNumber: z.number().int().min(1),
  draft: SaleDraftDto,
  controlUnit: ControlUnitResponseDto,
};

/** Cash counted in the drawer per currency (core `CashCount`), journaled with an X or Z report. */
const CashCounts = z
  .array(z.strictObject({ currency: z.string().length(3), counted: Ore }))
  .max(10)
  .optional();

/** The register's commands, as core `RegisterCommand`, each applied once, in journal order. */
export const RegisterCommandDto = z.discriminatedUnion('kind', [
  z.strictObject({ ...ReceiptCommand, kind: z.literal('sale.complete') }),
  z.strictObject({
    ...ReceiptCommand,
    kind: z.literal('return.complete'),
    /** Null: a return without a receipt, which needs a manager's approval. */
    originalReceiptId: Id.nullable(),
  }),
  z.strictObject({
    ...CommandBase,
    kind: z.literal('receipt.copy'),
    copyId: Id,
    originalReceiptId: Id,
    controlUnit: ControlUnitResponseDto,
  }),
  z.strictObject({
    ...CommandBase,
    kind: z.literal('receipt.pro_forma'),
    proFormaId: Id,
    draft: SaleDraftDto,
    controlUnit: ControlUnitResponseDto,
  }),
  z.strictObject({
    ...CommandBase,
    kind: z.literal('drawer.open'),
    reason: z.string().trim().min(1).max(200),
  }),
  z.strictObject({
    ...CommandBase,
    kind: z.literal('cash.movement'),
    movement: z.enum(['float', 'income', 'expense', 'deposit']),
    amount: Ore,
    currency: z.string().length(3),
    note: z.string().max(200).optional(),
  }),
  z.strictObject({ ...CommandBase, kind: z.literal('report.x'), reportId: Id, cashCount: CashCounts }),
  z.strictObject({ ...CommandBase, kind: z.literal('report.z'), reportId: Id, cashCount: CashCounts }),
]);
export type RegisterCommandDto = z.infer<typeof RegisterCommandDto>;

/** `POST /api/registers/:id/commands`: commands in journal order (up to 200 per batch). */
export const RegisterCommandBatch = z.strictObject({
  commands: z.array(RegisterCommandDto).min(1).max(200),
});
export type RegisterCommandBatch = z.infer<typeof RegisterCommandBatch>;

/** What one applied command produced; a repeat has `isRepeat: true` and the first result. */
export const CommandResultDto = z
  .object({
    commandId: z.string(),
    kind: z.string(),
    sequence: z.number().int(),
    isRepeat: z.boolean(),
    receiptId: z.string().nullable(),
    receiptNumber: z.number().int().nullable(),
  })
  .meta({ id: 'RegisterCommandResult' });
export type CommandResultDto = z.infer<typeof CommandResultDto>;

/**
 * The answer to a batch: every command applied (or applied before). A refused command stops the
 * batch with a problem naming it (e.g. 409 `journal_gap` on `commands.3.journalEntry.sequence`);
 * the commands before it stay applied, so the register resends from the refused one.
 */
export const RegisterCommandBatchResult = z
  .object({ results: z.array(CommandResultDto) })
  .meta({ id: 'RegisterCommandBatchResult' });
export type RegisterCommandBatchResult = z.infer<typeof RegisterCommandBatchResult>;
