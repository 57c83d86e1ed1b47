import { useT } from '@handla/ui';
import { type KeyboardEvent, useState } from 'react';
import { type CouponState, isCouponFormat, normalizeCoupon } from './cart-promotions';

/**
 * The discount-code field: apply and remove, with what became of the code said beside it
 * (announced politely). Not a <form> of its own: it also sits inside the checkout's form.
 */
export function CouponField({
  coupon,
  state,
  onChange,
  serverError,
}: {
  coupon: string | null;
  state: CouponState;
  onChange: (code: string | null) => void;
  /** A checkout refusal naming `couponCode`, in our words. */
  serverError?: string;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [formatError, setFormatError] = useState(false);
  const id = 'coupon-code';

  const apply = () => {
    const code = normalizeCoupon(draft);
    if (!isCouponFormat(code)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    setDraft('');
    onChange(code);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter applies the code instead of submitting the checkout around it.
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    }
  };

  const error = formatError
    ? t('shop.promo.badFormat')
    : (serverError ?? (state.kind === 'refused' ? t(state.message) : undefined));
  const status =
    state.kind === 'applied'
      ? t('shop.promo.applied', { code: state.code })
      : state.kind === 'not_applied'
        ? t('shop.promo.notApplied', { code: state.code })
        : null;
  const described = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');

  return (
    <div className="field coupon-field">
      <label htmlFor={id}>{t('shop.promo.coupon')}</label>
      <p id={`${id}-hint`} className="muted field-hint">
        {t('shop.promo.couponHint')}
      </p>
      <div className="button-row">
        <input
          id={id}
          name={id}
          value={draft}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={apply} disabled={draft.trim() === ''}>
          {t('shop.promo.apply')}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        {coupon && (
          <p className="coupon-status">
            {status && <span>{status} </span>}
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setFormatError(false);
                onChange(null);
              }}
            >
              {t('shop.promo.remove')}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
