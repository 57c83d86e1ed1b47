// A button that asks first: one click shows the consequence and a confirm button; nothing happens
// on one click.
import { ErrorNotice, useT } from '@handla/ui';
import { useEffect, useRef, useState } from 'react';

export function ConfirmButton({
  label,
  hiddenContext,
  warning,
  confirmLabel,
  isDanger = false,
  onConfirm,
}: {
  label: string;
  /** Said to screen readers after the label, e.g. which key "Revoke" is about. */
  hiddenContext?: string;
  warning: string;
  confirmLabel: string;
  isDanger?: boolean;
  onConfirm: () => Promise<void>;
}) {
  const t = useT();
  const [isConfirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const className = isDanger ? 'button button-danger' : 'button';

  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setConfirming(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (!isConfirming) {
    return (
      <button type="button" className={className} onClick={() => setConfirming(true)}>
        {label}
        {hiddenContext && <span className="visually-hidden"> {hiddenContext}</span>}
      </button>
    );
  }
  return (
    <div className="stack revoke-confirm">
      <p>{warning}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button
          type="button"
          className={className}
          ref={confirmButton}
          disabled={pending}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
