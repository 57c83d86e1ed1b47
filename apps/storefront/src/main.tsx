import { I18nProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShopApp } from './ShopApp';
import './shop.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ShopApp />
    </I18nProvider>
  </StrictMode>,
);
