// The completed receipt on screen (the core's HTML, "elektroniskt kassakvitto"), with printing:
// to the register's network printer once the server has the receipt, else the browser's print.
import { ErrorNotice, useT } from '@handla/ui';
import { useEffect, useRef, useState } from 'react';
import { useFormatAmount } from '../format';
import type { LocalReceipt } from '../offline/db';
import { useRegister } from '../register-context';

export function ReceiptView({
  receipt,
  changeAmount,
  onNext,
  onCopy,
}: {
  receipt: LocalReceipt;
  changeAmount?: number;
  onNext?: () => void;
  /** Journals a copy (its own control code) and returns it; offered when browsing receipts. */
  onCopy?: () => Promise<{ copyId: string; html: string }>;
}) {
  const t = useT();
  const { api, isOnline, setup, syncNow } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  // The next customer is one Enter away.
  useEffect(() => nextRef.current?.focus(), []);

  const [copyHtml, setCopyHtml] = useState<string | null>(null);

  async function printCopy() {
    if (!onCopy) return;
    setError(null);
    setStatus(null);
    try {
      const copy = await onCopy();
      setCopyHtml(copy.html);
      await print(copy);
    } catch (e) {
      setError(e);
    }
  }

  async function print(copy?: { copyId: string; html: string }) {
    setError(null);
    setStatus(null);
    if (isOnline && setup.settings.printerHost) {
      try {
        await syncNow(); // the server prints only receipts (and copies) it has
        await api.print(receipt.id, copy?.copyId);
        setStatus(t('pos.receipt.printed'));
        return;
      } catch (e) {
        // Not on the server yet (still queued) or the printer is away: fall back to the browser.
        setError(e);
      }
    }
    printHtml(copy?.html ?? receipt.html);
  }

  return (
    <section className="card stack receipt-view" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('pos.receipt.heading', { number: receipt.number })}</h2>
      {changeAmount !== undefined && changeAmount > 0 && (
        <p className="change-due">{t('pos.receipt.change', { amount: formatAmount(changeAmount) })}</p>
      )}
      {!isOnline && <p className="muted">{t('pos.receipt.notSent')}</p>}
      {/* The HTML is the core's own rendering, escaped there; nothing here comes from user input unescaped. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: see the comment above */}
      <div className="receipt-paper" dangerouslySetInnerHTML={{ __html: copyHtml ?? receipt.html }} />
      {status && <p role="status">{status}</p>}
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void print()}>
          {t('pos.receipt.print')}
        </button>
        {onCopy && (
          <button type="button" className="button" onClick={() => void printCopy()}>
            {t('pos.receipt.printCopy')}
          </button>
        )}
        {onNext && (
          <button type="button" className="button button-primary button-large" onClick={onNext} ref={nextRef}>
            {t('pos.receipt.next')}
          </button>
        )}
      </div>
    </section>
  );
}

// Prints only the receipt, from a hidden frame, so the register's own screen is not printed.
function printHtml(html: string) {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) return frame.remove();
  doc.open();
  doc.write(
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kvitto</title></head><body>${html}</body></html>`,
  );
  doc.close();
  frame.contentWindow?.print();
  window.setTimeout(() => frame.remove(), 1000);
}
