import { I18nProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CartProvider } from './cart/CartProvider';
import { StoreChoiceProvider } from './catalog/StoreChoice';
import { ShopProvider } from './layout/ShopContext';
import { ShopApp } from './ShopApp';
import './shop.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ShopProvider>
        <StoreChoiceProvider>
          <CartProvider>
            <ShopApp />
          </CartProvider>
        </StoreChoiceProvider>
      </ShopProvider>
    </I18nProvider>
  </StrictMode>,
);
