// Entering or scanning a coupon code at the register, and the codes on the receipt. Online the
// server checks the code; offline only a shared code this register checked before is taken.
import { useT } from '@handla/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useRegister } from '../register-context';
import type { Cart, CartCoupon } from '../sale/cart';
import { type CouponRefusal, checkCoupon } from './promotions-cache';

const REFUSALS = {
  unknown: 'pos.promotions.unknown',
  used_up: 'pos.promotions.usedUp',
  offline_single_use: 'pos.promotions.offlineSingleUse',
  offline_unchecked: 'pos.promotions.offlineUnchecked',
} as const satisfies Record<CouponRefusal, string>;

export function CouponForm({
  cart,
  onAdd,
  onRemove,
  onClose,
}: {
  cart: Cart;
  onAdd: (coupon: CartCoupon) => void;
  onRemove: (code: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const { db, device, isOnline } = useRegister();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '' || busy) return;
    setBusy(true);
    setMessage({ text: t('pos.promotions.checking'), isError: false });
    try {
      const online = isOnline ? { registerId: device.registerId, token: device.deviceToken } : null;
      const result = await checkCoupon(db, code, online);
      if (!result.ok) return setMessage({ text: t(REFUSALS[result.reason]), isError: true });
      onAdd(result.coupon);
      setCode('');
      setMessage({ text: t('pos.promotions.added', { code: result.coupon.code }), isError: false });
    } catch {
      setMessage({ text: t('pos.promotions.failed'), isError: true });
    } finally {
      setBusy(false);
    }
  }

  const applied = new Set(cart.appliedCouponCodes ?? []);
  return (
    <form className="card stack coupon-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('pos.promotions.heading')}</h3>
      <label className="field">
        <span>{t('pos.promotions.code')}</span>
        <input
          ref={inputRef}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={64}
        />
      </label>
      {message && (
        <p
          className={message.isError ? 'notice notice-error' : 'notice'}
          role={message.isError ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {(cart.coupons ?? []).length > 0 && (
        <ul className="coupon-list" aria-label={t('pos.promotions.coupons')}>
          {(cart.coupons ?? []).map((c) => (
            <li key={c.code}>
              <strong>{c.code}</strong>{' '}
              <span className="muted small">
                {applied.has(c.code) ? t('pos.promotions.applied') : t('pos.promotions.notApplied')}
              </span>{' '}
              <button type="button" className="button button-quiet" onClick={() => onRemove(c.code)}>
                {t('pos.promotions.remove', { code: c.code })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('pos.promotions.apply')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('pos.promotions.cancel')}
        </button>
      </div>
    </form>
  );
}
