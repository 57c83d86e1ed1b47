// Test set-up for web vouchers: a signed-in member holding loyalty vouchers, as the loyalty job
// would have issued them (a voucher row and the ledger row spending the points).
import { expect } from 'vitest';
import type { OrdersHttpState } from '../orders/orders.http-harness';
import { insertVoucher } from '../register/vouchers.store';
import { appendLedgerRow } from './loyalty.store';

let emails = 0;

/** A signed-in member with one loyalty voucher per amount (öre); returns their cookie and the codes. */
export async function createVoucherMember(h: OrdersHttpState, amounts: number[], validDays = 30) {
  const email = `kupong${++emails}@example.se`;
  const signUp = await h.t.app.inject({
    method: 'POST',
    url: '/api/account/sign-up',
    payload: { email, password: 'hemligt-losen-1', name: 'Maja Medlem' },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const cookie = `handla_customer=${signUp.cookies.find((c) => c.name === 'handla_customer')!.value}`;
  await h.t.app.inject({ method: 'POST', url: '/api/loyalty/me/join', headers: { cookie } });
  const [row] = await h.t.ctx.db.query<{ id: string; companyId: string }>(
    'select id, company_id as "companyId" from customers where email = $1',
    [email],
  );
  const codes: string[] = [];
  for (const [i, amount] of amounts.entries()) {
    const id = h.t.ctx.newId('vch');
    const code = `${9_000_000_000 + emails * 100 + i}`;
    await insertVoucher(h.t.ctx.db, {
      id,
      companyId: row!.companyId,
      code,
      amount,
      currency: 'SEK',
      validUntil: new Date(+h.now + validDays * 86_400_000),
      isSingleUse: true,
      reason: 'loyalty',
      issuedBy: null,
      issuedReceiptId: null,
      at: h.now,
    });
    await appendLedgerRow(h.t.ctx.db, {
      id: h.t.ctx.newId('lpt'),
      companyId: row!.companyId,
      customerId: row!.id,
      points: -500,
      reason: 'voucher',
      sourceEventId: null,
      voucherId: id,
      at: h.now,
    });
    codes.push(code);
  }
  return { cookie, codes };
}
