import { I18nProvider, SessionProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PosApp } from './PosApp';
import './pos.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <PosApp />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
