import { type RegisterCatalogItem, SaleDraftDto } from '@handla/api';
import {
  computeReceipt,
  createControlUnitSimulator,
  DEFAULT_REGISTER_DISCOUNT_LIMITS,
  DomainError,
  signerFromPrivateKey,
  verifyJournal,
} from '@handla/core';
import { describe, expect, it } from 'vitest';
import { cartReducer, emptyCart } from '../sale/cart';
import { draftOf, policyFor, previewReceipt } from '../sale/draft';
import { creditNoteRefund, newVoucherCode } from './credit-note';
import { addGiftCardLine, isGiftCardLine, newGiftCardCode } from './gift-card-cart';
import { buildProForma } from './pro-forma';

const shirt: RegisterCatalogItem = {
  skuId: 'sku_1',
  sku: 'TS-1',
  ean: null,
  productId: 'p1',
  name: { sv: 'T-shirt', en: 'T-shirt' },
  options: {},
  unitPriceInclVat: 20_000,
  regularUnitPriceInclVat: 20_000,
  campaignId: null,
  vatRateBp: 2500,
  taxClass: 'standard',
  warrantyText: null,
  isBundle: false,
};
const withShirt = () => cartReducer(emptyCart('c'), { type: 'add', item: shirt, lineId: 'l1' });

describe('gift card lines in the cart', () => {
  it('adds a card line that becomes a VAT-free gift card line of the draft the server accepts', () => {
    const cart = addGiftCardLine(withShirt(), { code: '1234000011115678', action: 'issue' }, 50_000, 'l2');
    expect(isGiftCardLine(cart.lines[1]!)).toBe(true);
    const draft = draftOf(cart, 'SEK', false, [{ method: 'cash', amount: 70_000 }]);
    expect(draft.lines[1]).toMatchObject({
      name: 'Presentkort 1234…5678',
      vatRateBp: 0,
      quantity: 1,
      giftCard: { code: '1234000011115678', action: 'issue' },
    });
    expect(SaleDraftDto.safeParse(draft).success).toBe(true);
    const receipt = computeReceipt(draft, policyFor('cashier'));
    expect(receipt.vat.byRate.map((r) => r.grossAmount)).toEqual([20_000]);
  });

  it('previews a receipt discount on the goods only, with the card beside them', () => {
    const cart = cartReducer(
      addGiftCardLine(withShirt(), { code: '1234000011115678', action: 'top_up' }, 10_000, 'l2'),
      { type: 'receiptDiscount', discount: { kind: 'percent', value: 1000, reason: 'Stamkund' } },
    );
    const receipt = previewReceipt(cart, 'SEK', false, 'cashier');
    expect(receipt.total).toBe(28_000);
    expect(receipt.lines[1]!.receiptDiscountAmount).toBe(0);
  });

  it('refuses a bad code, a tiny amount and the same card twice, and leaves the cart as it was', () => {
    const cart = withShirt();
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return (e as DomainError).fields?.map((f) => f.field);
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => addGiftCardLine(cart, { code: 'abc', action: 'issue' }, 50_000, 'x'))).toEqual([
      'giftCard.giftCard.code',
    ]);
    expect(refusal(() => addGiftCardLine(cart, { code: 'ABCDEFGH', action: 'issue' }, 50, 'x'))).toEqual([
      'giftCard.unitPriceInclVat',
    ]);
    const once = addGiftCardLine(cart, { code: 'ABCDEFGH', action: 'issue' }, 5_000, 'x');
    expect(refusal(() => addGiftCardLine(once, { code: 'ABCDEFGH', action: 'top_up' }, 5_000, 'y'))).toEqual([
      'giftCard.giftCard.code',
    ]);
    expect(cart.lines).toHaveLength(1);
  });

  it('makes 16-digit card numbers and TK voucher codes the contracts accept', () => {
    const codes = new Set(Array.from({ length: 50 }, newGiftCardCode));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^\d{16}$/);
    expect(newVoucherCode()).toMatch(/^TK\d{14}$/);
  });
});

describe('credit note refund', () => {
  it('refunds the whole return as one voucher payment with the new code, nothing for zero', () => {
    expect(creditNoteRefund(-19_990, 'TK12345678901234')).toEqual([
      { method: 'voucher', amount: -19_990, reference: 'TK12345678901234' },
    ]);
    expect(creditNoteRefund(0, 'TK12345678901234')).toEqual([]);
  });
});

describe('pro-forma', () => {
  it('journals the priced cart as a signed pro_forma entry with its own control code, no receipt number used', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const unit = await createControlUnitSimulator({ secret: 'pos-test' });
    await unit.register({ organisationNumber: '5599999991', registerId: 'KASSA-1' });
    const head = { sequence: 4, hash: 'abc', receiptNumber: 3, deviceSequence: 7 };
    const { command, receipt, receiptNumber } = await buildProForma(withShirt(), {
      registerId: 'reg_1',
      head,
      setup: {
        company: { currency: 'SEK', orgNumber: '559999-9991', timeZone: 'Europe/Stockholm' },
        register: { code: 'KASSA-1' },
        discountLimits: DEFAULT_REGISTER_DISCOUNT_LIMITS,
      } as never,
      cashier: { staffId: 'stf_1', role: 'cashier' },
      controlUnit: unit,
      signer: signerFromPrivateKey(keys.privateKey),
      isTraining: false,
      at: '2026-12-03T09:00:00.000Z',
      proFormaId: 'pfm_1',
      commandId: 'cmd_1',
    });
    expect(receipt.totalToPay).toBe(20_000);
    expect(receiptNumber).toBe(4);
    expect(command).toMatchObject({ kind: 'receipt.pro_forma', proFormaId: 'pfm_1', deviceSequence: 8 });
    expect(command.journalEntry).toMatchObject({ kind: 'pro_forma', sequence: 5, previousHash: 'abc' });
    expect(command.journalEntry.payload).toMatchObject({ documentId: 'pfm_1', totalToPay: 20_000, receipt });
    const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const verified = await verifyJournal([command.journalEntry as never], publicKey, {
      sequence: 4,
      hash: 'abc',
    });
    expect(verified.ok).toBe(true);
  });
});
