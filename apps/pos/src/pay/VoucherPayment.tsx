// A voucher in the pay panel: its code is checked with the server (used, expired, worth), then it
// pays at most what is left; what it is worth beyond that is forfeited, and the cashier says so.
import type { Voucher } from '@handla/api';
import type { PaymentInput } from '@handla/core';
import { ErrorNotice, intlLocale, useLocale, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { extrasApi } from '../extras/extras-api';
import { useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import { voucherPaymentOf } from './voucher-payment';

const REFUSALS = {
  used: 'pos.extras.voucher.used',
  expired: 'pos.extras.voucher.expired',
  currency: 'pos.extras.voucher.currency',
  nothing_left: 'pos.extras.voucher.nothingLeft',
} as const;

export function VoucherPayment({
  remaining,
  currency,
  onPaid,
}: {
  remaining: number;
  currency: string;
  onPaid: (payment: PaymentInput) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { device, isOnline } = useRegister();
  const formatAmount = useFormatAmount(currency);
  const [code, setCode] = useState('');
  const [voucher, setVoucher] = useState<Voucher | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setVoucher(null);
    try {
      setVoucher(await extrasApi(device.registerId, device.deviceToken).voucher(code.trim().toUpperCase()));
    } catch (e) {
      setError(e);
    }
  }

  if (!isOnline) return <p className="notice notice-warning">{t('pos.extras.voucher.needsOnline')}</p>;
  const result = voucher ? voucherPaymentOf(voucher, remaining, currency) : null;
  return (
    <div className="stack">
      <form className="search-row" onSubmit={check}>
        <label className="field">
          <span>{t('pos.extras.voucher.code')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" maxLength={40} />
        </label>
        <button type="submit" className="button" disabled={code.trim() === ''}>
          {t('pos.extras.voucher.check')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {voucher && (
        <p role="status">
          {t('pos.extras.voucher.worth', {
            amount: formatAmount(voucher.amount.amount),
            date: new Date(voucher.validUntil).toLocaleDateString(intlLocale(locale)),
          })}
        </p>
      )}
      {result?.kind === 'refused' && (
        <p className="notice notice-error" role="alert">
          {t(REFUSALS[result.reason])}
        </p>
      )}
      {result?.kind === 'ok' && (
        <>
          {result.forfeited > 0 && (
            <p className="notice notice-warning" role="alert">
              {t('pos.extras.voucher.forfeit', { amount: formatAmount(result.forfeited) })}
            </p>
          )}
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => onPaid(result.payment)}
          >
            {t('pos.extras.voucher.use')}
          </button>
        </>
      )}
    </div>
  );
}
