// The member's loyalty vouchers at checkout: tick the ones to pay with; the amount left for the
// chosen way to pay is shown, and a voucher worth more than the order says its excess is lost.
// A refusal of a voucher (used meanwhile, expired) shows with the payment section's errors.
import type { CheckoutBody, LoyaltyVoucher } from '@handla/api';
import { formatPrice, useApi, useLocale, useT } from '@handla/ui';
import { useCallback, useEffect, useState } from 'react';
import { canAddVoucher, chosenSplit, usableVouchers, voucherSplit } from './voucher-pay';

/** The ways to pay that can pay what the vouchers leave (pay in store and invoice cannot). */
const PAYS_A_REST = new Set(['card', 'klarna', 'swish']);

/**
 * The signed-in member's usable vouchers (none for a guest or a non-member), the chosen codes, and
 * what they mean for the checkout: whether they pay everything (no card asked then) and the body's
 * payment with them. `reload` after a refusal: a voucher may have been used elsewhere meanwhile.
 */
export function useMemberVouchers(currency: string, total: number, method: string) {
  const api = useApi();
  const [vouchers, setVouchers] = useState<LoyaltyVoucher[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const reload = useCallback(() => {
    api.loyalty.me().then(
      (l) => {
        const usable = usableVouchers(l.vouchers, currency, new Date());
        setVouchers(usable);
        setChosen((codes) => codes.filter((c) => usable.some((v) => v.code === c)));
      },
      // A guest (401) simply has no vouchers.
      () => setVouchers([]),
    );
  }, [api, currency]);
  useEffect(reload, [reload]);
  const isOffered = PAYS_A_REST.has(method) && vouchers.length > 0;
  const used = isOffered ? chosen : [];
  const isPaidByVouchers = used.length > 0 && chosenSplit(vouchers, used, total).toPay === 0;
  /** The checkout body's payment with the chosen vouchers; a card needs no token when they pay all. */
  const paymentWith = (payment: CheckoutBody['payment']): CheckoutBody['payment'] => {
    if (used.length === 0) return payment;
    if (isPaidByVouchers && payment.method === 'card') return { method: 'card', vouchers: used };
    return { ...payment, vouchers: used };
  };
  return { vouchers, chosen, setChosen, reload, isOffered, isPaidByVouchers, paymentWith };
}

export function VoucherPicker({
  vouchers,
  chosen,
  onChange,
  total,
  currency,
}: {
  /** The member's usable vouchers (see `usableVouchers`). */
  vouchers: readonly LoyaltyVoucher[];
  /** The chosen codes, in the order ticked (the server applies them in that order). */
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
  /** The order's total incl. VAT, öre. */
  total: number;
  currency: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (vouchers.length === 0) return null;
  const money = (amount: number) => formatPrice({ amount, currency }, locale);
  const picked = chosen.flatMap((code) => vouchers.filter((v) => v.code === code));
  const split = voucherSplit(picked, total);
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm' });
  return (
    <fieldset className="stack-tight vouchers" aria-describedby="voucher-summary">
      <legend>{t('shop.pay.vouchers')}</legend>
      <div className="choice-list">
        {vouchers.map((v) => {
          const isChosen = chosen.includes(v.code);
          return (
            <label key={v.code} className="choice">
              <input
                type="checkbox"
                checked={isChosen}
                disabled={!isChosen && !canAddVoucher(picked, total)}
                onChange={() => onChange(isChosen ? chosen.filter((c) => c !== v.code) : [...chosen, v.code])}
              />
              <span>
                {t('shop.loyalty.voucher', {
                  amount: money(v.amount),
                  code: v.code,
                  date: date(v.validUntil),
                })}
              </span>
            </label>
          );
        })}
      </div>
      <div id="voucher-summary" aria-live="polite">
        {picked.length > 0 && (
          <dl className="totals">
            <dt>{t('shop.pay.vouchersPay')}</dt>
            <dd>−{money(split.paidByVouchers)}</dd>
            <dt className="totals-grand">{t('shop.pay.vouchersLeft')}</dt>
            <dd className="totals-grand">{money(split.toPay)}</dd>
          </dl>
        )}
        {split.forfeited > 0 && (
          <p className="notice notice-warning">
            {t('shop.pay.vouchersForfeit', { amount: money(split.forfeited) })}
          </p>
        )}
      </div>
    </fieldset>
  );
}
