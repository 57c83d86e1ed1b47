// Checkout: contact, pickup or delivery, payment, summary. Checked here first, then by the server;
// each refusal is shown where the shopper can act on it (reload prices, pick another time…).
import { ApiError, type Problem } from '@handla/api';
import { describeError, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useCart } from '../cart/CartProvider';
import { cartItemCount, cartTotal } from '../cart/cart';
import { couponRefusalKey, discountsOf, isCouponProblem } from '../cart/cart-promotions';
import { usePromotions } from '../cart/usePromotions';
import { useRepricedCart } from '../cart/useRepricedCart';
import { useStoreChoice } from '../catalog/StoreChoice';
import { useShop } from '../layout/ShopContext';
import { navigate, statusTokenOf } from '../router';
import { ContactSection } from './ContactSection';
import {
  buildCheckoutBody,
  type CheckoutForm,
  cardDigits,
  EMPTY_FORM,
  type ErrorPlace,
  type FieldProblems,
  newCheckoutId,
  offeredPaymentMethods,
  placeOfProblem,
  validateCheckout,
} from './checkout-form';
import { DeliverySection } from './DeliverySection';
import { OrderSummary } from './OrderSummary';
import { PaymentSection } from './PaymentSection';
import { PickupSection } from './PickupSection';
import { cardTokenProblem, problemText } from './problems';
import { FOCUS_TARGET, useCheckoutErrors } from './useCheckoutErrors';
import { useMemberVouchers, VoucherPicker } from './VoucherPicker';

export default function CheckoutPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const cart = useCart();
  const prices = useRepricedCart();
  const { store } = useStoreChoice();
  const [form, setForm] = useState<CheckoutForm>(EMPTY_FORM);
  const [local, setLocal] = useState<FieldProblems>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [slotsKey, setSlotsKey] = useState(0);
  const [payInStoreAllowed, setPayInStoreAllowed] = useState(false);
  const [canPayByInvoice, setCanPayByInvoice] = useState(false);
  const checkoutId = useRef(newCheckoutId());
  const alertRef = useRef<HTMLDivElement>(null);
  const lastCardToken = useRef<{ key: string; token: string } | null>(null);
  const methods = useLoader(useCallback(() => api.shop.shippingMethods(), [api]));
  const set = useCallback((patch: Partial<CheckoutForm>) => setForm((f) => ({ ...f, ...patch })), []);
  // Priced here (not in the summary) because the vouchers need the total too: one request.
  const promotions = usePromotions(cart.lines, cart.coupon);
  const currency = cart.lines[0]?.currency ?? 'SEK';

  // Only the ways to pay this host name's shop takes (the server refuses the others too).
  const shop = useShop();
  const paymentMethods = offeredPaymentMethods(form.fulfilment, payInStoreAllowed, canPayByInvoice).filter(
    (m) => !shop || shop.paymentMethods.includes(m),
  );
  const paymentOffered = paymentMethods.includes(form.payment);
  // Choosing a store that does not take payment at pickup takes the choice away again.
  useEffect(() => {
    if (!paymentOffered) setForm((f) => ({ ...f, payment: 'card' }));
  }, [paymentOffered]);

  useEffect(() => {
    if (store) setForm((f) => (f.storeId ? f : { ...f, storeId: store.id }));
  }, [store]);

  // A signed-in shopper need not type their details again; a guest simply gets a 401 here.
  useEffect(() => {
    api.shop.account().then(
      (a) => {
        setCanPayByInvoice(a.canPayByInvoice ?? false);
        setForm((f) => ({
          ...f,
          name: f.name || a.name,
          email: f.email || a.email,
          phone: f.phone || (a.phone ?? ''),
        }));
      },
      () => undefined,
    );
  }, [api]);

  const { errorOf, messagesAt } = useCheckoutErrors(problem, local, cart.lines);

  const shippingMethod = methods.data?.items.find((m) => m.id === form.shippingMethodId);
  const shipping = form.fulfilment === 'delivery' ? (shippingMethod?.price.amount ?? 0) : null;
  const total =
    cartTotal(cart.lines) -
    discountsOf(promotions.priced).reduce((sum, d) => sum + d.amount, 0) +
    (shipping ?? 0);
  const memberVouchers = useMemberVouchers(currency, total, form.payment);
  // Vouchers paying everything: nothing is charged, so no card is asked for (the server agrees).
  const { isPaidByVouchers } = memberVouchers;

  const focusFirst = (fields: string[]) => {
    const target = fields.map((f) => FOCUS_TARGET[f]).find(Boolean);
    const element = target ? document.querySelector<HTMLElement>(target) : alertRef.current;
    element?.focus();
  };

  const refuse = (refusal: Problem) => {
    // "Pay in store" is offered only where the store takes it, but its settings may change while
    // the shopper fills in the form: the server's refusal is then shown on the method.
    const p =
      form.payment === 'in_store' && refusal.errors.some((e) => e.field === 'payment.method')
        ? { ...refusal, code: 'pay_in_store_not_allowed', errors: [] }
        : refusal;
    setProblem(p);
    // The server answered and refused: nothing was created, so the next try is a new checkout.
    checkoutId.current = newCheckoutId();
    if (placeOfProblem(p) === 'slot') setSlotsKey((k) => k + 1);
    if (p.errors.some((e) => e.field.startsWith('payment.vouchers'))) memberVouchers.reload();
    requestAnimationFrame(() => focusFirst(p.errors.map((e) => e.field)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFailure(null);
    const found = Object.fromEntries(
      Object.entries(validateCheckout(form)).filter(([f]) => !(isPaidByVouchers && f.startsWith('card.'))),
    );
    setLocal(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirst(Object.keys(found)));
      return;
    }
    setSubmitting(true);
    try {
      let cardToken: string | undefined;
      if (form.payment === 'card' && !isPaidByVouchers) {
        try {
          const card = {
            number: cardDigits(form.cardNumber),
            expiry: form.cardExpiry.trim(),
            cvc: form.cardCvc.trim(),
          };
          // A retry of the same checkout must send the same body, so the same card keeps its token.
          const key = `${checkoutId.current}|${card.number}|${card.expiry}|${card.cvc}`;
          cardToken =
            lastCardToken.current?.key === key
              ? lastCardToken.current.token
              : (await api.shop.testCardToken(card)).token;
          lastCardToken.current = { key, token: cardToken };
        } catch (e) {
          if (e instanceof ApiError && e.status < 500) return refuse(cardTokenProblem(e));
          throw e;
        }
      }
      const body = buildCheckoutBody({
        checkoutId: checkoutId.current,
        locale,
        form,
        lines: cart.lines,
        couponCode: cart.coupon,
        cardToken,
        ...(shop ? { country: shop.country } : {}),
      });
      const { order } = await api.shop.checkout({
        ...body,
        payment: memberVouchers.paymentWith(body.payment),
      });
      cart.clear();
      const action = order.payment.action;
      if (action?.kind === 'redirect') window.location.assign(action.url);
      else navigate({ page: 'order', token: statusTokenOf(order.statusUrl) });
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) refuse(e.problem);
      else {
        // No answer or a server error: the order may exist, so a retry keeps the same checkout id.
        setFailure(e);
        requestAnimationFrame(() => alertRef.current?.focus());
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (cart.lines.length === 0) {
    return (
      <section className="stack">
        <h1>{t('shop.checkout.heading')}</h1>
        <p>{t('shop.cart.empty')}</p>
        <a href="#/">{t('shop.cart.continue')}</a>
      </section>
    );
  }

  const hasLocal = Object.keys(local).length > 0;
  const general = messagesAt('general');
  // The first general message is the refusal itself when it belongs nowhere else; it is shown above.
  const generalLoose = problem && placeOfProblem(problem) === 'general' ? general.slice(1) : general;
  const block = (place: ErrorPlace) => {
    const messages = messagesAt(place);
    return messages.length > 0 ? (
      <div className="field-error stack-tight">
        {messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    ) : null;
  };

  return (
    <form className="stack checkout" onSubmit={submit} noValidate aria-labelledby="checkout-heading">
      <h1 id="checkout-heading">{t('shop.checkout.heading')}</h1>
      <div ref={alertRef} tabIndex={-1} role="alert" className="checkout-alert">
        {(hasLocal || problem) && (
          <div className="notice notice-error">
            <p>{problem ? problemText(t, problem) : t('shop.checkout.fixFields')}</p>
            {generalLoose.length > 0 && (
              <ul>
                {generalLoose.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {failure !== null && (
          <div className="notice notice-error">
            <p>{describeError(failure, t).message}</p>
          </div>
        )}
      </div>

      <ContactSection form={form} set={set} errorOf={errorOf}>
        {block('contact')}
      </ContactSection>

      <fieldset className="card stack-tight">
        <legend>{t('shop.checkout.fulfilment')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('shop.checkout.fulfilment')}>
          {(['pickup', 'delivery'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="fulfilment"
                value={kind}
                checked={form.fulfilment === kind}
                onChange={() =>
                  set({ fulfilment: kind, payment: form.payment === 'in_store' ? 'card' : form.payment })
                }
              />
              <span>{t(kind === 'pickup' ? 'shop.checkout.pickup' : 'shop.checkout.delivery')}</span>
            </label>
          ))}
        </div>
        {form.fulfilment === 'pickup' ? (
          <PickupSection
            storeId={form.storeId}
            onStore={(storeId) => set({ storeId, slot: '' })}
            slot={form.slot}
            onSlot={(slot) => set({ slot })}
            itemCount={cartItemCount(cart.lines)}
            storeError={errorOf('fulfilment.storeId')}
            slotError={errorOf('fulfilment.slot') ?? (messagesAt('slot').join(' ') || undefined)}
            reloadKey={slotsKey}
            offerOtherTime={problem !== null && placeOfProblem(problem) === 'slot'}
            onPayInStoreAllowed={setPayInStoreAllowed}
          />
        ) : (
          <DeliverySection form={form} set={set} errorOf={errorOf} methods={methods} />
        )}
        {block('fulfilment')}
      </fieldset>

      <fieldset className="card stack-tight">
        <legend>{t('shop.checkout.payment')}</legend>
        {memberVouchers.isOffered && (
          <VoucherPicker
            vouchers={memberVouchers.vouchers}
            chosen={memberVouchers.chosen}
            onChange={memberVouchers.setChosen}
            total={total}
            currency={currency}
          />
        )}
        <PaymentSection
          form={form}
          methods={paymentMethods}
          set={set}
          errorOf={errorOf}
          isPaidByVouchers={isPaidByVouchers}
          generalError={messagesAt('payment').join(' ') || undefined}
        />
      </fieldset>

      <OrderSummary
        lines={cart.lines}
        promotions={promotions}
        shipping={shipping}
        coupon={cart.coupon}
        onCoupon={(code) => {
          cart.setCoupon(code);
          if (problem && isCouponProblem(problem)) setProblem(null);
        }}
        {...(problem && isCouponProblem(problem) ? { couponError: t(couponRefusalKey(problem)) } : {})}
      >
        {block('lines')}
        {problem && placeOfProblem(problem) === 'lines' && (
          <div className="button-row">
            {problem.code === 'price_changed' ? (
              <button
                type="button"
                className="button"
                onClick={() => void prices.recheck().then(() => setProblem(null))}
              >
                {t('shop.checkout.reloadPrices')}
              </button>
            ) : (
              <a className="button" href="#/cart">
                {t('shop.checkout.editCart')}
              </a>
            )}
          </div>
        )}
        {prices.notices.length > 0 && (
          <ul className="notice notice-warning" aria-live="polite">
            {prices.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </OrderSummary>

      <button
        type="submit"
        className="button button-primary button-large button-block"
        disabled={submitting || prices.checking}
      >
        {submitting ? t('shop.checkout.placing') : t('shop.checkout.place')}
      </button>
    </form>
  );
}
