import { I18nProvider, SessionProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp';
import './admin.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <AdminApp />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
