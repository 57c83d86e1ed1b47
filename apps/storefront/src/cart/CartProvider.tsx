// The cart for the whole shop, saved in localStorage so it survives a reload.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { readStored, writeStored } from '../storage';
import { addToCart, type CartLine, parseStoredCart, setCartQuantity } from './cart';

const STORAGE_KEY = 'handla.shop.cart';

interface CartValue {
  lines: CartLine[];
  add: (line: CartLine) => void;
  setQuantity: (skuId: string, quantity: number) => void;
  replace: (lines: CartLine[]) => void;
  clear: () => void;
}

const CartContext = createContext<CartValue | null>(null);

export function CartProvider({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<CartLine[]>(() => parseStoredCart(readStored(STORAGE_KEY)));

  useEffect(() => writeStored(STORAGE_KEY, lines), [lines]);

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
  }, []);
  const value = useMemo(
    () => ({ lines, add, setQuantity, replace: setLines, clear }),
    [lines, add, setQuantity, clear],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

/** The cart and its operations. */
export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error('useCart needs a <CartProvider> above it');
  return value;
}
