import { ApiError, type PrintResult } from '@handla/api';
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useAction } from '../stock/shared/useAction';

/** The server prints the original once; a reprint needs a copy journaled at the register (KOPIA). */
function isReprintRefused(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    error.problem.errors.some((e) => e.field === 'copyId')
  );
}

/** One receipt: its facts, the printed document in a sandboxed frame, and printing on the register. */
export function ReceiptView({ receiptId, onClose }: { receiptId: string; onClose: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const id = useId();
  const receipt = useLoader(useCallback(() => api.register.getReceipt(receiptId), [api, receiptId]));
  const print = useAction();
  const [printed, setPrinted] = useState<PrintResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const hasReceipt = receipt.data !== undefined;
  useEffect(() => {
    if (hasReceipt) heading.current?.focus();
  }, [hasReceipt]);

  if (receipt.error !== null) return <ErrorNotice error={receipt.error} onRetry={receipt.reload} />;
  const r = receipt.data;
  if (!r) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section className="card stack registers-receipt" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('registersAdmin.receipt.heading', { number: r.number })}
      </h3>
      <dl className="registers-facts">
        <dt>{t('registersAdmin.receipts.when')}</dt>
        <dd>{formatDateTime(r.occurredAt, locale)}</dd>
        <dt>{t('registersAdmin.receipts.cashier')}</dt>
        <dd>{r.cashierName}</dd>
        <dt>{t('registersAdmin.receipts.total')}</dt>
        <dd>{formatPrice(r.total, locale)}</dd>
        <dt>{t('registersAdmin.receipt.controlCode')}</dt>
        <dd className="registers-mono">{r.controlCode}</dd>
      </dl>
      <p>{t('registersAdmin.receipt.copies', { count: r.copies })}</p>
      {/* The receipt page is the server's HTML: sandboxed without scripts, so it can only be shown. */}
      <iframe
        className="registers-receipt-frame"
        title={t('registersAdmin.receipt.frameTitle', { number: r.number })}
        src={api.register.receiptHtmlUrl(r.id)}
        sandbox=""
      />
      <div className="registers-actions">
        <button
          type="button"
          className="button"
          disabled={print.pending}
          onClick={async () => {
            setPrinted(null);
            const result = await print.run(() => api.registerAdmin.print(r.id));
            if (result) setPrinted(result);
          }}
        >
          {t('registersAdmin.receipt.print')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('registersAdmin.receipt.close')}
        </button>
      </div>
      {print.error !== null &&
        (isReprintRefused(print.error) ? (
          <p className="notice notice-error" role="alert">
            {t('registersAdmin.receipt.reprintAtRegister')}
          </p>
        ) : (
          <ErrorNotice error={print.error} />
        ))}
      {printed && (
        <p className="notice" role="status">
          {t('registersAdmin.receipt.printed', { printer: printed.printer, bytes: printed.bytes })}
        </p>
      )}
    </section>
  );
}
