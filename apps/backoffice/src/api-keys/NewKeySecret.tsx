import type { CreatedApiKey } from '@handla/api';
import { useT } from '@handla/ui';
import { useEffect, useId, useRef, useState } from 'react';

/** The new key's secret, shown this once, with a copy button and a warning. */
export function NewKeySecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  // Move focus here: the form the user was in has just been replaced by this panel.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="card stack new-key" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('apiKeys.secretHeading', { name: created.apiKey.name })}
      </h3>
      <p className="notice notice-warning">
        <strong>{t('apiKeys.secretWarning')}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('apiKeys.secretLabel')}</label>
        <div className="secret-row">
          <input
            id={`${id}-secret`}
            type="text"
            readOnly
            value={created.secret}
            className="secret"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            {copyState === 'copied' ? t('apiKeys.copied') : t('apiKeys.copy')}
          </button>
        </div>
      </div>
      <p role="status" className={copyState === 'failed' ? 'notice notice-error' : 'visually-hidden'}>
        {copyState === 'failed' ? t('apiKeys.copyFailed') : copyState === 'copied' ? t('apiKeys.copied') : ''}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('apiKeys.done')}
      </button>
    </section>
  );
}
