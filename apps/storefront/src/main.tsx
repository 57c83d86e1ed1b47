import { I18nProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CartProvider } from './cart/CartProvider';
import { StoreChoiceProvider } from './catalog/StoreChoice';
import { ShopApp } from './ShopApp';
import './shop.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <StoreChoiceProvider>
        <CartProvider>
          <ShopApp />
        </CartProvider>
      </StoreChoiceProvider>
    </I18nProvider>
  </StrictMode>,
);
