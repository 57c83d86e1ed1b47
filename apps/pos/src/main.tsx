import { I18nProvider } from '@handla/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PosApp } from './PosApp';
import './pos.css';
import { registerServiceWorker } from './pwa/register-sw';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PosApp />
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
