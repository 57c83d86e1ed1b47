import { useT } from '@handla/ui';
import { useEffect, useRef, useState } from 'react';

/** A step that cannot be undone: the first click asks, naming the consequence; the second does it. */
export function ConfirmButton({
  label,
  warning,
  confirmLabel,
  pending,
  onConfirm,
}: {
  label: string;
  warning: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => unknown;
}) {
  const t = useT();
  const [isAsking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirm.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button type="button" className="button button-danger" ref={opener} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="stack card">
      <p>{warning}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          ref={confirm}
          disabled={pending}
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => setAsking(false)}>
          {t('stockAdmin.keep')}
        </button>
      </div>
    </div>
  );
}
