// A register as the browser app runs it, for tests and the bench: it prices with the core, asks
// the control-unit simulator, numbers receipts, appends and signs journal entries, and makes the
// commands the server receives. Like the real one it keeps its own journal head.
import type { RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  type ControlUnitSimulator,
  computeReceipt,
  controlUnitRequestFor,
  createControlUnitSimulator,
  type JournalEntryInput,
  type PaymentInput,
  priceSaleDraft,
  type RegisterRole,
  type SaleDraft,
  type SaleLineDraft,
  signerFromPrivateKey,
} from '@handla/core';

const DISCOUNT_LIMITS = {
  cashier: { maxPercentBp: 2_000, maxAmount: 50_000 },
  manager: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
  owner: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
};

export interface SimulatedRegisterOptions {
  registerId: string;
  /** The register's code: its id towards the control unit (at most 16 characters). */
  registerCode: string;
  privateKey: CryptoKey;
  head?: { sequence: number; hash: string; receiptNumber: number };
  organisationNumber?: string;
}

export interface SaleInput {
  cashierId: string;
  role?: RegisterRole;
  lines: SaleLineDraft[];
  /** Default: one card payment of the total. */
  payments?: PaymentInput[];
  isTraining?: boolean;
  at?: string;
  approval?: { staffNumber: string; pin: string };
  /** A pickup order paid in store: the lines handing it over carry `orderLineId`. */
  webOrderId?: string;
  /** When the register's cached prices were resolved (draft `pricesAsOf`). */
  pricesAsOf?: string;
  /** The customer attached to the sale. */
  customerId?: string;
  /** Coupon codes whose rules gave the lines' promotion discounts (draft `couponCodes`). */
  couponCodes?: string[];
}

let commandCounter = 0;
const clientId = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${(commandCounter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export class SimulatedRegister {
  private sequence: number;
  private hash: string;
  private receiptNumber: number;
  private deviceSequence = 0;

  private constructor(
    private readonly options: SimulatedRegisterOptions,
    readonly controlUnit: ControlUnitSimulator,
  ) {
    this.sequence = options.head?.sequence ?? 0;
    this.hash = options.head?.hash ?? '';
    this.receiptNumber = options.head?.receiptNumber ?? 0;
  }

  static async create(options: SimulatedRegisterOptions): Promise<SimulatedRegister> {
    const unit = await createControlUnitSimulator({ secret: `test-${options.registerId}` });
    await unit.register({
      organisationNumber: options.organisationNumber ?? '5599999991',
      registerId: options.registerCode,
    });
    return new SimulatedRegister(options, unit);
  }

  /** Where the local journal stands. */
  get head() {
    return { sequence: this.sequence, hash: this.hash, receiptNumber: this.receiptNumber };
  }

  private async journal(kind: JournalEntryInput['kind'], at: string, payload: unknown) {
    const entry = await appendEntry(
      this.sequence === 0
        ? null
        : { registerId: this.options.registerId, sequence: this.sequence, hash: this.hash },
      { registerId: this.options.registerId, kind, at, payload },
      signerFromPrivateKey(this.options.privateKey),
    );
    this.sequence = entry.sequence;
    this.hash = entry.hash;
    return entry;
  }

  private base(cashierId: string, at: string) {
    this.deviceSequence += 1;
    return {
      commandId: clientId('cmd'),
      registerId: this.options.registerId,
      deviceSequence: this.deviceSequence,
      cashierId,
      at,
    };
  }

  /** A completed sale (or, with `originalReceiptId`, a return) as the register queues it. */
  async receipt(input: SaleInput, originalReceiptId?: string | null): Promise<RegisterCommandDto> {
    const at = input.at ?? new Date().toISOString();
    const role = input.role ?? 'cashier';
    const policy = { role, discountLimits: DISCOUNT_LIMITS };
    const unpaid: SaleDraft = {
      currency: 'SEK',
      lines: input.lines,
      ...(input.webOrderId ? { webOrderId: input.webOrderId } : {}),
      ...(input.pricesAsOf ? { pricesAsOf: input.pricesAsOf } : {}),
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(input.couponCodes ? { couponCodes: input.couponCodes } : {}),
      isTraining: input.isTraining ?? false,
      payments: [],
    };
    const total = priceSaleDraft(unpaid, policy).totalToPay;
    const draft: SaleDraft = {
      ...unpaid,
      payments: input.payments ?? [{ method: 'card_standalone', amount: total }],
    };
    const receipt = computeReceipt(draft, policy);
    const receiptNumber = this.receiptNumber + 1;
    const controlUnit = await this.controlUnit.requestControlCode(
      controlUnitRequestFor(receipt, {
        organisationNumber: this.options.organisationNumber ?? '5599999991',
        registerId: this.options.registerCode,
        receiptNumber,
        at,
      }),
    );
    const receiptId = clientId('rcp');
    const isReturn = originalReceiptId !== undefined;
    const journalEntry = await this.journal('receipt', at, {
      receiptId,
      receiptNumber,
      cashierId: input.cashierId,
      ...(isReturn ? { originalReceiptId } : {}),
      receipt,
      controlUnit,
    });
    this.receiptNumber = receiptNumber;
    const base = {
      ...this.base(input.cashierId, at),
      journalEntry,
      ...(input.approval ? { approval: input.approval } : {}),
    };
    const body = { receiptId, receiptNumber, draft: draft as never, controlUnit };
    return isReturn
      ? { ...base, ...body, kind: 'return.complete', originalReceiptId: originalReceiptId ?? null }
      : { ...base, ...body, kind: 'sale.complete' };
  }

  /** A copy of a stored receipt (KOPIA). */
  async copy(
    cashierId: string,
    receipt: { id: string; number: number; totalToPay: number },
  ): Promise<RegisterCommandDto> {
    const at = new Date().toISOString();
    const copyId = clientId('cpy');
    const controlUnit = await this.controlUnit.requestControlCode({
      organisationNumber: this.options.organisationNumber ?? '5599999991',
      registerId: this.options.registerCode,
      dateTime: '202601011200',
      receiptNumber: receipt.number,
      receiptType: 'copy',
      totalAmount: receipt.totalToPay,
      negativeAmount: 0,
      vat: [],
    });
    const journalEntry = await this.journal('copy', at, {
      documentId: copyId,
      receiptId: receipt.id,
      receiptNumber: receipt.number,
      cashierId,
      totalToPay: receipt.totalToPay,
      currency: 'SEK',
      controlUnit,
    });
    return {
      ...this.base(cashierId, at),
      journalEntry,
      kind: 'receipt.copy',
      copyId,
      originalReceiptId: receipt.id,
      controlUnit,
    };
  }

  /** The drawer opened without a sale. */
  async drawerOpen(
    cashierId: string,
    reason: string,
    approval?: { staffNumber: string; pin: string },
  ): Promise<RegisterCommandDto> {
    const at = new Date().toISOString();
    const journalEntry = await this.journal('drawer_open', at, { cashierId, reason });
    return {
      ...this.base(cashierId, at),
      journalEntry,
      kind: 'drawer.open',
      reason,
      ...(approval ? { approval } : {}),
    };
  }
}
