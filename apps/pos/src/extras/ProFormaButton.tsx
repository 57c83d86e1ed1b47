// "Proforma (EJ KVITTO)": prints the cart as it stands, marked EJ KVITTO twice at double size.
// Journaled and given a control code first (offline too), then printed on the register's printer
// once the server has it, else through the browser.
import type { ControlUnit } from '@handla/core';
import { DomainError } from '@handla/core';
import { ErrorNotice, useT } from '@handla/ui';
import { useState } from 'react';
import { printHtml } from '../cash/use-cash';
import { useRegister } from '../register-context';
import type { Cart } from '../sale/cart';
import { extrasApi } from './extras-api';
import { issueProForma } from './pro-forma';

export function ProFormaButton({ cart, controlUnit }: { cart: Cart; controlUnit: ControlUnit | null }) {
  const t = useT();
  const { db, device, setup, cashier, isTraining, isOnline, syncNow } = useRegister();
  const [shown, setShown] = useState<{ proFormaId: string; html: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function print(proForma: { proFormaId: string; html: string }) {
    if (isOnline && setup.settings.printerHost) {
      try {
        await syncNow(); // the server prints only what it has journaled
        await extrasApi(device.registerId, device.deviceToken).printProForma(proForma.proFormaId);
        setStatus(t('pos.extras.proForma.printed'));
        return;
      } catch (e) {
        setError(e);
      }
    }
    printHtml(proForma.html, 'Proforma');
  }

  async function issue() {
    if (!controlUnit) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const proForma = await issueProForma(
        { db, device, setup, cashier, controlUnit, isTraining, now: () => new Date() },
        cart,
      );
      setShown(proForma);
      await print(proForma);
    } catch (e) {
      setError(
        e instanceof DomainError && e.code === 'control_unit_unavailable'
          ? t('pos.extras.proForma.controlUnit')
          : e,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy || !controlUnit || cart.lines.length === 0}
        onClick={() => void issue()}
      >
        {t('pos.extras.proForma.button')}
      </button>
      {error !== null &&
        (typeof error === 'string' ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : (
          <ErrorNotice error={error} />
        ))}
      {status && <p role="status">{status}</p>}
      {shown && (
        <section className="card stack pro-forma" aria-label={t('pos.extras.proForma.heading')}>
          {/* The core's own rendering, escaped there. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: see the comment above */}
          <div className="receipt-paper" dangerouslySetInnerHTML={{ __html: shown.html }} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => printHtml(shown.html, 'Proforma')}>
              {t('pos.extras.proForma.print')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setShown(null)}>
              {t('pos.extras.proForma.close')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
