// Ringing up: scan anywhere (keyboard-wedge), type to search, tap quick buttons; adjust the
// selected line; discounts limited by role; then pay or park.
import type { RegisterCatalogItem } from '@handla/api';
import { type ComputedReceipt, type ControlUnit, DomainError } from '@handla/core';
import { useLocale, useT } from '@handla/ui';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { GiftCardDialog } from '../extras/GiftCardDialog';
import { isGiftCardLine } from '../extras/gift-card-cart';
import { ProFormaButton } from '../extras/ProFormaButton';
import { useFormatAmount } from '../format';
import { WebOrderMarker } from '../handover/WebOrderMarker';
import { findSkuByCode, getSku, searchSkus } from '../offline/db';
import { CouponForm } from '../promotions/CouponForm';
import { useRegister } from '../register-context';
import { useScanner } from '../scanner/useScanner';
import { CartLines } from './CartLines';
import { CustomerPicker } from './CustomerPicker';
import { type Cart, type CartAction, type CartDiscount, cartReducer, itemCount } from './cart';
import { DiscountForm } from './DiscountForm';
import { previewReceipt } from './draft';
import { QuickButtons } from './QuickButtons';
import { StockElsewhere } from './StockElsewhere';

type Panel = 'none' | 'lineDiscount' | 'receiptDiscount' | 'stock' | 'customer' | 'giftCard' | 'coupon';

export function SaleScreen({
  cart,
  dispatch,
  onPay,
  onPark,
  onNewLineId,
  quickButtons,
  controlUnit = null,
}: {
  cart: Cart;
  dispatch: (action: CartAction) => void;
  onPay: () => void;
  onPark: () => void;
  onNewLineId: () => string;
  quickButtons: { skuId: string; label: string }[];
  /** For pro-forma prints, which get a control code of their own. */
  controlUnit?: ControlUnit | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { db, setup, cashier, isTraining } = useRegister();
  const currency = setup.company.currency;
  const formatAmount = useFormatAmount(currency);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<RegisterCatalogItem[]>([]);
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<Panel>('none');
  const scanRef = useRef<HTMLInputElement>(null);

  useEffect(() => scanRef.current?.focus(), []);

  const receipt: ComputedReceipt | null = useMemo(() => {
    if (cart.lines.length === 0) return null;
    try {
      return previewReceipt(cart, currency, isTraining, cashier.role, setup.discountLimits);
    } catch {
      return null;
    }
  }, [cart, currency, isTraining, cashier.role, setup.discountLimits]);

  const selected = cart.lines.find((l) => l.lineId === cart.selectedLineId) ?? null;
  // A gift card line is one card at its amount: no quantity, discount or stock to look at.
  const isCardSelected = selected !== null && isGiftCardLine(selected);
  const itemName = (item: RegisterCatalogItem) =>
    locale === 'sv' ? item.name.sv : item.name.en || item.name.sv;

  function add(item: RegisterCatalogItem) {
    dispatch({ type: 'add', item, lineId: onNewLineId() });
    setStatus(t('pos.sale.added', { name: itemName(item) }));
    setResults([]);
  }

  function pick(item: RegisterCatalogItem) {
    add(item);
    setQuery('');
    scanRef.current?.focus();
  }

  async function lookUp(code: string) {
    const item = await findSkuByCode(db, code);
    if (item) return add(item);
    setStatus(t('pos.sale.unknownCode', { code }));
  }
  useScanner((code) => void lookUp(code), panel === 'none');

  async function submitQuery(event: FormEvent) {
    event.preventDefault();
    const text = query.trim();
    if (!text) return;
    // Cleared before the lookup: the next scan may already be typing into the field.
    setQuery('');
    const exact = await findSkuByCode(db, text);
    if (exact) return add(exact);
    const found = await searchSkus(db, text, 30);
    if (found.length === 1) return add(found[0]!);
    // A search, not a scan: give the words back to refine them (unless a scan started meanwhile).
    setQuery((current) => (current === '' ? text : current));
    setResults(found);
    setStatus(
      found.length === 0
        ? t('pos.sale.noMatch', { query: text })
        : t('pos.sale.matches', { count: found.length }),
    );
  }

  // Tries the cart with the discount through the core: a refusal (role limit, too large) is shown, not applied.
  function tryDiscount(next: Cart): string | null {
    // A web order's lines keep the order's prices: the cart refuses by staying as it was.
    if (next === cart) return t('pos.orders.handover.orderPricesFixed');
    try {
      previewReceipt(next, currency, isTraining, cashier.role, setup.discountLimits);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'forbidden') return t('pos.discount.overLimit');
      if (e instanceof DomainError) return e.fields?.map((f) => f.message).join(' ') || e.message;
      throw e;
    }
    dispatch({ type: 'replace', cart: next });
    setPanel('none');
    return null;
  }
  const applyLineDiscount = (discount: CartDiscount | null) =>
    selected
      ? tryDiscount(cartReducer(cart, { type: 'lineDiscount', lineId: selected.lineId, discount }))
      : null;
  const applyReceiptDiscount = (discount: CartDiscount | null) =>
    tryDiscount(cartReducer(cart, { type: 'receiptDiscount', discount }));

  return (
    <div className="sale">
      <div className="sale-main stack">
        <form onSubmit={submitQuery} className="scan-form">
          <label className="field">
            <span>{t('pos.sale.scanOrSearch')}</span>
            <input
              ref={scanRef}
              type="search"
              data-scan-field=""
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('pos.sale.scanHint')}
              autoComplete="off"
              enterKeyHint="search"
            />
          </label>
        </form>
        <p role="status" className="sale-status">
          {status}
        </p>
        {results.length > 0 && (
          <ul className="search-results" aria-label={t('pos.sale.results')}>
            {results.map((item) => (
              <li key={item.skuId}>
                <button type="button" className="button search-result" onClick={() => pick(item)}>
                  <span>
                    {itemName(item)} {Object.values(item.options).join(' / ')}
                    <span className="muted small"> {item.sku}</span>
                  </span>
                  <strong>{formatAmount(item.unitPriceInclVat)}</strong>
                </button>
              </li>
            ))}
          </ul>
        )}
        <WebOrderMarker cart={cart} />
        <CartLines cart={cart} receipt={receipt} dispatch={dispatch} formatAmount={formatAmount} />
        {selected && (
          <div className="button-row line-actions" role="toolbar" aria-label={t('pos.line.actions')}>
            {!isCardSelected && (
              <>
                <button
                  type="button"
                  className="button"
                  aria-label={t('pos.line.less')}
                  onClick={() =>
                    selected.quantity > 1
                      ? dispatch({
                          type: 'quantity',
                          lineId: selected.lineId,
                          quantity: selected.quantity - 1,
                        })
                      : dispatch({ type: 'remove', lineId: selected.lineId })
                  }
                >
                  −
                </button>
                <button
                  type="button"
                  className="button"
                  aria-label={t('pos.line.more')}
                  onClick={() =>
                    dispatch({ type: 'quantity', lineId: selected.lineId, quantity: selected.quantity + 1 })
                  }
                >
                  +
                </button>
                <button type="button" className="button" onClick={() => setPanel('lineDiscount')}>
                  {t('pos.line.discount')}
                </button>
                <button type="button" className="button" onClick={() => setPanel('stock')}>
                  {t('pos.line.stock')}
                </button>
              </>
            )}
            <button
              type="button"
              className="button button-danger"
              onClick={() => dispatch({ type: 'remove', lineId: selected.lineId })}
            >
              {t('pos.line.remove')}
            </button>
          </div>
        )}
        {panel === 'lineDiscount' && selected && (
          <DiscountForm
            heading={t('pos.discount.lineHeading')}
            currency={currency}
            initial={selected.discount}
            onApply={applyLineDiscount}
            onCancel={() => setPanel('none')}
          />
        )}
        {panel === 'receiptDiscount' && (
          <DiscountForm
            heading={t('pos.discount.receiptHeading')}
            currency={currency}
            initial={cart.receiptDiscount}
            onApply={applyReceiptDiscount}
            onCancel={() => setPanel('none')}
          />
        )}
        {panel === 'customer' && (
          <CustomerPicker
            onPick={(customer) => {
              dispatch({ type: 'customer', customer });
              setPanel('none');
            }}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'coupon' && (
          <CouponForm
            cart={cart}
            onAdd={(coupon) => dispatch({ type: 'coupon', coupon })}
            onRemove={(code) => dispatch({ type: 'removeCoupon', code })}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'giftCard' && (
          <GiftCardDialog
            cart={cart}
            lineId={onNewLineId}
            onAdd={(next, announcement) => {
              dispatch({ type: 'replace', cart: next });
              setStatus(announcement);
              setPanel('none');
            }}
            onCancel={() => setPanel('none')}
          />
        )}
        {panel === 'stock' && selected && (
          <StockElsewhere skuId={selected.skuId} name={selected.name.sv} onClose={() => setPanel('none')} />
        )}
      </div>
      <aside className="sale-side stack" aria-label={t('pos.sale.summary')}>
        <dl className="totals">
          <div>
            <dt>{t('pos.sale.items')}</dt>
            <dd>{itemCount(cart)}</dd>
          </div>
          {receipt && receipt.discountTotal > 0 && (
            <div>
              <dt>{t('pos.sale.discounts')}</dt>
              <dd>−{formatAmount(receipt.discountTotal)}</dd>
            </div>
          )}
          <div className="totals-total">
            <dt>{t('pos.sale.total')}</dt>
            <dd data-testid="sale-total">{formatAmount(receipt?.total ?? 0)}</dd>
          </div>
        </dl>
        <button
          type="button"
          className="button button-primary button-pay"
          disabled={!receipt}
          onClick={onPay}
        >
          {t('pos.sale.pay')}
        </button>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={cart.lines.length === 0}
            onClick={() => setPanel('receiptDiscount')}
          >
            {t('pos.sale.receiptDiscount')}
          </button>
          <button type="button" className="button" disabled={cart.lines.length === 0} onClick={onPark}>
            {t('pos.sale.park')}
          </button>
          <button type="button" className="button" onClick={() => setPanel('coupon')}>
            {t('pos.promotions.couponButton')}
            {cart.coupons?.length ? ` (${cart.coupons.length})` : ''}
          </button>
          <button type="button" className="button" onClick={() => setPanel('giftCard')}>
            {t('pos.extras.giftCardSell')}
          </button>
          <ProFormaButton cart={cart} controlUnit={controlUnit} />
          {cart.customer ? (
            <button
              type="button"
              className="button"
              onClick={() => dispatch({ type: 'customer', customer: null })}
            >
              {t('pos.customer.remove', { name: cart.customer.name })}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setPanel('customer')}>
              {t('pos.customer.attach')}
            </button>
          )}
        </div>
        <QuickButtons
          buttons={quickButtons}
          onPick={(skuId) =>
            void getSku(db, skuId).then((item) =>
              item ? add(item) : setStatus(t('pos.sale.unknownCode', { code: skuId })),
            )
          }
        />
      </aside>
    </div>
  );
}
