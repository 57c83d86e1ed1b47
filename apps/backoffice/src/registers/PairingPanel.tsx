import type { RegisterPairingCode, RegisterSummary } from '@handla/api';
import { ErrorNotice, formatDateTime, useApi, useLocale, useT } from '@handla/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useAction } from '../stock/shared/useAction';

/** Creates a one-time pairing code and shows it big, with what to do on the device. */
export function PairingPanel({ register }: { register: RegisterSummary }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const id = useId();
  const action = useAction();
  const [pairing, setPairing] = useState<RegisterPairingCode | null>(null);
  const codeBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The code is what the manager came for: move focus there so a screen reader reads it out.
    if (pairing) codeBox.current?.focus();
  }, [pairing]);

  async function create() {
    const created = await action.run(() => api.register.createPairingCode(register.id));
    if (created) setPairing(created);
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.pairing.heading')}</h2>
      <p className="muted">{t('registersAdmin.pairing.explain')}</p>
      <div>
        <button type="button" className="button button-primary" onClick={create} disabled={action.pending}>
          {t('registersAdmin.pairing.create')}
        </button>
      </div>
      {action.error !== null && <ErrorNotice error={action.error} />}
      {pairing && (
        <section
          className="card registers-pairing stack"
          ref={codeBox}
          tabIndex={-1}
          aria-labelledby={`${id}-code`}
        >
          <p id={`${id}-code`} className="muted">
            {t('registersAdmin.pairing.codeLabel')}
          </p>
          <output className="registers-pairing-code" aria-describedby={`${id}-how`}>
            {pairing.code}
          </output>
          <p id={`${id}-how`}>{t('registersAdmin.pairing.instruction')}</p>
          <p>{t('registersAdmin.pairing.expires', { when: formatDateTime(pairing.expiresAt, locale) })}</p>
        </section>
      )}
    </section>
  );
}
