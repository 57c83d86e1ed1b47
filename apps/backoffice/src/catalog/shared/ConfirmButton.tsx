import { useT } from '@handla/ui';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/** A destructive button that asks once more, in place; one click never removes anything. */
export function ConfirmButton({
  label,
  confirmLabel,
  pending,
  onConfirm,
}: {
  /** The button's text, e.g. "Ta bort priset" plus a visually hidden name of what it removes. */
  label: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  onConfirm: () => void;
}) {
  const t = useT();
  const [isConfirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);
  if (!isConfirming) {
    return (
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        ref={confirmButton}
        className="button button-danger"
        disabled={pending}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button" disabled={pending} onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </>
  );
}
