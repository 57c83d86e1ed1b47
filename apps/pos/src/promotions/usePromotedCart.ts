// The cart as the promotion engine prices it right now, with the rules cached on this device:
// refreshed on start, on reconnect and every few minutes; the instant moves each minute so a rule
// that starts or ends while the cart is open is applied the way the server would.
import type { PromotionRule } from '@handla/core';
import { useEffect, useMemo, useState } from 'react';
import { useRegister } from '../register-context';
import type { Cart } from '../sale/cart';
import { withPromotions } from './cart-promotions';
import { readCachedPromotions, refreshPromotions } from './promotions-cache';

const REFRESH_MS = 5 * 60_000;
const TICK_MS = 60_000;

/** The cached promotion rules, kept fresh while online. */
export function usePromotionRules(): PromotionRule[] {
  const { db, isOnline } = useRegister();
  const [rules, setRules] = useState<PromotionRule[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void readCachedPromotions(db).then((cached) => isCurrent && cached && setRules(cached.rules));
    return () => {
      isCurrent = false;
    };
  }, [db]);
  useEffect(() => {
    if (!isOnline) return;
    let isCurrent = true;
    const refresh = () =>
      refreshPromotions(db)
        .then((cached) => isCurrent && cached && setRules(cached.rules))
        // Offline after all, or the server is down: the cached rules keep pricing.
        .catch(() => {});
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [db, isOnline]);
  return rules;
}

function useMinute(): string {
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setAt(new Date().toISOString()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return at;
}

/** The cart with its promotion discounts and applied coupons, priced on every change. */
export function usePromotedCart(cart: Cart): Cart {
  const { setup } = useRegister();
  const rules = usePromotionRules();
  const at = useMinute();
  const storeId = setup.register.storeId;
  const currency = setup.company.currency;
  return useMemo(
    () => withPromotions(cart, rules, { at, storeId, currency }),
    [cart, rules, at, storeId, currency],
  );
}
