// The cart for the whole shop, saved in localStorage so it survives a reload.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { readStored, writeStored } from '../storage';
import { addToCart, type CartLine, parseStoredCart, setCartQuantity } from './cart';

const STORAGE_KEY = 'handla.shop.cart';
const COUPON_KEY = 'handla.shop.coupon';

interface CartValue {
  lines: CartLine[];
  add: (line: CartLine) => void;
  setQuantity: (skuId: string, quantity: number) => void;
  replace: (lines: CartLine[]) => void;
  clear: () => void;
  /** The discount code the shopper applied (upper-case), sent with the checkout. */
  coupon: string | null;
  setCoupon: (code: string | null) => void;
}

const CartContext = createContext<CartValue | null>(null);

export function CartProvider({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<CartLine[]>(() => parseStoredCart(readStored(STORAGE_KEY)));

  const [coupon, setCouponState] = useState<string | null>(() => {
    const stored = readStored(COUPON_KEY);
    return typeof stored === 'string' ? stored : null;
  });

  useEffect(() => writeStored(STORAGE_KEY, lines), [lines]);
  const setCoupon = useCallback((code: string | null) => {
    writeStored(COUPON_KEY, code);
    setCouponState(code);
  }, []);

  // Another tab changed the cart: follow it, so two tabs never overwrite each other's lines.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY) setLines(parseStoredCart(readStored(STORAGE_KEY)));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const add = useCallback((line: CartLine) => setLines((current) => addToCart(current, line)), []);
  const setQuantity = useCallback(
    (skuId: string, quantity: number) => setLines((current) => setCartQuantity(current, skuId, quantity)),
    [],
  );
  // Saved at once, not by the effect: checkout clears the cart and may leave the page right after
  // (3-D Secure), before the effect runs, and the shopper would come back to a full cart.
  const clear = useCallback(() => {
    writeStored(STORAGE_KEY, []);
    setLines([]);
    setCoupon(null);
  }, [setCoupon]);
  const value = useMemo(
    () => ({ lines, add, setQuantity, replace: setLines, clear, coupon, setCoupon }),
    [lines, add, setQuantity, clear, coupon, setCoupon],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

/** The cart and its operations. */
export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error('useCart needs a <CartProvider> above it');
  return value;
}
