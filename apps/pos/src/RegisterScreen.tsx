// A signed-in register: sale, payment and receipt, parked receipts, receipt search and returns,
// with the offline banner and queue progress always in view.
import {
  type ComputedReceipt,
  type ControlUnit,
  createControlUnitSimulator,
  DomainError,
  type PaymentInput,
} from '@handla/core';
import { useT } from '@handla/ui';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { CashScreen } from './cash/CashScreen';
import { newId } from './format';
import { HandoverScreen } from './handover/HandoverScreen';
import { type LocalReceipt, parkReceipt, readCurrentCart, saveCurrentCart } from './offline/db';
import { NewOrdersBadge, OrdersLiveProvider } from './orders/OrdersLive';
import { OrdersScreen } from './orders/OrdersScreen';
import { completeSale } from './pay/complete-sale';
import { issueCopy } from './pay/issue-copy';
import { PaymentPanel } from './pay/PaymentPanel';
import { usePromotedCart } from './promotions/usePromotedCart';
import { ParkedList } from './receipts/ParkedList';
import { ReceiptSearch } from './receipts/ReceiptSearch';
import { ReceiptView } from './receipts/ReceiptView';
import { receiptHtml } from './receipts/render';
import { useRegister } from './register-context';
import { ReturnScreen } from './returns/ReturnScreen';
import { type Cart, cartReducer, emptyCart } from './sale/cart';
import { previewReceipt } from './sale/draft';
import { SaleScreen } from './sale/SaleScreen';

type Mode = 'sale' | 'pay' | 'done' | 'parked' | 'receipts' | 'return' | 'cash' | 'orders' | 'handover';

/** The control unit the register asks offline: the core's simulator until a real unit is configured. */
function useControlUnit(): ControlUnit | null {
  const { device, setup } = useRegister();
  const [unit, setUnit] = useState<ControlUnit | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void createControlUnitSimulator({
      secret: device.deviceId,
      ...(setup.settings.controlUnitSerial ? { serialNumber: setup.settings.controlUnitSerial } : {}),
      registrations: [
        { organisationNumber: setup.company.orgNumber.replace(/\D/g, ''), registerId: setup.register.code },
      ],
    }).then((simulator) => isCurrent && setUnit(simulator));
    return () => {
      isCurrent = false;
    };
  }, [device.deviceId, setup]);
  return unit;
}

export function RegisterScreen() {
  const t = useT();
  const context = useRegister();
  const { db, device, setup, cashier, isTraining, syncNow } = context;
  const controlUnit = useControlUnit();
  const [cart, dispatch] = useReducer(cartReducer, null, () => emptyCart(newId('cart')));
  // What is shown, paid and sent: the cart with the promotion engine's discounts on its lines.
  const pricedCart = usePromotedCart(cart);
  const [mode, setMode] = useState<Mode>('sale');
  const [done, setDone] = useState<{ receipt: LocalReceipt; change: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [payError, setPayError] = useState<string | null>(null);
  const newLineId = useCallback(() => newId('ln'), []);
  const [isCartRestored, setCartRestored] = useState(false);

  // The cart survives a reload: read it once, then write every change.
  useEffect(() => {
    void readCurrentCart<Cart>(db).then((saved) => {
      if (saved && saved.lines.length > 0) dispatch({ type: 'replace', cart: saved });
      setCartRestored(true);
    });
  }, [db]);
  useEffect(() => {
    if (isCartRestored) void saveCurrentCart(db, cart);
  }, [db, cart, isCartRestored]);

  const preview: ComputedReceipt | null = useMemo(() => {
    if (pricedCart.lines.length === 0) return null;
    try {
      return previewReceipt(
        pricedCart,
        setup.company.currency,
        isTraining,
        cashier.role,
        setup.discountLimits,
      );
    } catch {
      return null;
    }
  }, [pricedCart, setup.company.currency, isTraining, cashier.role, setup.discountLimits]);

  async function complete(
    payments: PaymentInput[],
    returnOf?: Parameters<typeof completeSale>[3]['returnOf'],
    forCart = pricedCart,
  ) {
    if (!controlUnit) return;
    setBusy(true);
    setPayError(null);
    try {
      const receipt = await completeSale(
        {
          db,
          device,
          setup,
          cashier,
          controlUnit,
          now: () => new Date(),
          renderHtml: (computed, meta) => receiptHtml(setup, cashier, computed, meta),
        },
        forCart,
        payments,
        { isTraining, ...(returnOf ? { returnOf } : {}) },
      );
      setDone({ receipt, change: receipt.receipt.changeAmount });
      setMode('done');
      dispatch({ type: 'replace', cart: emptyCart(newId('cart')) });
      void syncNow();
    } catch (e) {
      if (e instanceof DomainError && e.code === 'control_unit_unavailable')
        setPayError(t('pos.pay.controlUnit'));
      else if (e instanceof DomainError)
        setPayError(e.fields?.map((f) => `${f.field}: ${f.message}`).join(' ') || e.message);
      else setPayError(String(e));
      throw e;
    } finally {
      setBusy(false);
    }
  }

  async function park() {
    await parkReceipt(db, {
      id: cart.id,
      parkedAt: new Date().toISOString(),
      cashierName: cashier.name,
      label: '',
      draft: cart,
    });
    dispatch({ type: 'replace', cart: emptyCart(newId('cart')) });
  }

  const isCartEmpty = cart.lines.length === 0;
  const nav: { mode: Mode; label: string }[] = [
    { mode: 'sale', label: t('pos.nav.sale') },
    { mode: 'parked', label: t('pos.nav.parked') },
    { mode: 'receipts', label: t('pos.nav.receipts') },
    { mode: 'return', label: t('pos.nav.return') },
    { mode: 'orders', label: t('pos.orders.nav') },
    { mode: 'handover', label: t('pos.orders.handoverNav') },
    { mode: 'cash', label: t('pos.cash.nav') },
  ];

  return (
    <OrdersLiveProvider
      onShowOrders={() => {
        if (mode !== 'pay' && !busy) setMode('orders');
      }}
    >
      <div className="register-screen">
        <nav className="register-nav" aria-label={t('pos.title')}>
          {nav.map((item) => (
            <button
              key={item.mode}
              type="button"
              className={
                mode === item.mode || (item.mode === 'sale' && (mode === 'pay' || mode === 'done'))
                  ? 'button button-primary'
                  : 'button'
              }
              aria-current={mode === item.mode ? 'page' : undefined}
              disabled={busy || mode === 'pay'}
              onClick={() => setMode(item.mode)}
            >
              {item.label}
              {item.mode === 'orders' && <NewOrdersBadge />}
            </button>
          ))}
        </nav>
        {mode === 'sale' && (
          <SaleScreen
            cart={pricedCart}
            dispatch={dispatch}
            onPay={() => setMode('pay')}
            onPark={() => void park()}
            onNewLineId={newLineId}
            controlUnit={controlUnit}
            quickButtons={setup.quickButtons}
          />
        )}
        {mode === 'pay' && preview && (
          <PaymentPanel
            receipt={preview}
            customerId={cart.customer?.id ?? null}
            busy={busy || !controlUnit}
            error={payError}
            onComplete={(payments) => void complete(payments).catch(() => {})}
            onBack={() => setMode('sale')}
          />
        )}
        {mode === 'done' && done && (
          <ReceiptView receipt={done.receipt} changeAmount={done.change} onNext={() => setMode('sale')} />
        )}
        {mode === 'parked' && (
          <ParkedList
            canResume={isCartEmpty}
            onResume={(parked: Cart) => {
              dispatch({ type: 'replace', cart: parked });
              setMode('sale');
            }}
          />
        )}
        {mode === 'receipts' && (
          <ReceiptSearch
            onCopy={
              controlUnit
                ? (original) =>
                    issueCopy(
                      { db, device, setup, cashier, controlUnit, now: () => new Date() },
                      {
                        ...original,
                        receipt: original.receipt as ComputedReceipt,
                      },
                    ).finally(() => void syncNow())
                : null
            }
          />
        )}
        {mode === 'cash' && <CashScreen />}
        {mode === 'orders' && <OrdersScreen />}
        {mode === 'handover' && (
          <HandoverScreen
            canRingUp={isCartEmpty}
            onRingUp={(webCart) => {
              dispatch({ type: 'replace', cart: webCart });
              setMode('sale');
            }}
          />
        )}
        {mode === 'return' && (
          <ReturnScreen
            busy={busy}
            error={payError}
            onComplete={(returnCart, payments, returnOf) => complete(payments, returnOf, returnCart)}
          />
        )}
      </div>
    </OrdersLiveProvider>
  );
}
