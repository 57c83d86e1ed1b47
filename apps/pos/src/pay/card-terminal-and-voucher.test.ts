import type { Voucher } from '@handla/api';
import { createCardTerminalSimulator } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { payOnTerminal } from './card-terminal-payment';
import { isSettled } from './payments';
import { voucherPaymentOf } from './voucher-payment';

describe('paying on the linked card terminal', () => {
  it('records an approved payment with the terminal reference, which settles the sale', async () => {
    const terminal = createCardTerminalSimulator({ delayMs: 0 });
    const outcome = await payOnTerminal(terminal, { amount: 24_950, currency: 'SEK', reference: 'r1' });
    expect(outcome).toMatchObject({
      kind: 'approved',
      payment: { method: 'card_terminal', amount: 24_950, reference: 'SIM000001' },
    });
    if (outcome.kind !== 'approved') throw new Error('approved expected');
    expect(isSettled(24_950, [outcome.payment], 'SEK')).toBe(true);
  });

  it('keeps the sale open with the reason when declined (…13 öre) or when the terminal is away', async () => {
    const terminal = createCardTerminalSimulator({ delayMs: 0 });
    const declined = await payOnTerminal(terminal, { amount: 24_913, currency: 'SEK', reference: 'r1' });
    expect(declined.kind).toBe('declined');
    expect(declined).not.toHaveProperty('payment');
    terminal.isAvailable = false;
    const away = await payOnTerminal(terminal, { amount: 24_900, currency: 'SEK', reference: 'r2' });
    expect(away).toEqual({ kind: 'unavailable', reason: 'Terminalen svarar inte (simulator)' });
  });
});

describe('paying with a voucher', () => {
  const voucher = (over: Partial<Voucher> = {}): Voucher => ({
    id: 'vch_1',
    code: 'TK12345678901234',
    amount: { amount: 50_000, currency: 'SEK' },
    validUntil: '2027-12-03T00:00:00.000Z',
    isSingleUse: true,
    reason: 'Tillgodokvitto',
    issuedReceiptId: null,
    timesUsed: 0,
    status: 'valid',
    createdAt: '2026-12-03T00:00:00.000Z',
    ...over,
  });

  it('pays at most what is left and says what is forfeited', () => {
    expect(voucherPaymentOf(voucher(), 30_000, 'SEK')).toEqual({
      kind: 'ok',
      payment: { method: 'voucher', amount: 30_000, reference: 'TK12345678901234' },
      forfeited: 20_000,
    });
    expect(voucherPaymentOf(voucher(), 80_000, 'SEK')).toMatchObject({
      payment: { amount: 50_000 },
      forfeited: 0,
    });
  });

  it('refuses a used or expired voucher, another currency, and nothing left to pay', () => {
    expect(voucherPaymentOf(voucher({ status: 'used' }), 1_000, 'SEK')).toEqual({
      kind: 'refused',
      reason: 'used',
    });
    expect(voucherPaymentOf(voucher({ status: 'expired' }), 1_000, 'SEK')).toEqual({
      kind: 'refused',
      reason: 'expired',
    });
    expect(voucherPaymentOf(voucher(), 1_000, 'NOK')).toEqual({ kind: 'refused', reason: 'currency' });
    expect(voucherPaymentOf(voucher(), 0, 'SEK')).toEqual({ kind: 'refused', reason: 'nothing_left' });
  });
});
