// A secret shown this once (an API key, a webhook signing secret): a warning, the value in a
// read-only field with a copy button, and a button to say it is stored. The callers give the words.
import { useEffect, useId, useRef, useState } from 'react';

export interface ShownOnceSecretText {
  heading: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

export function ShownOnceSecret({
  secret,
  text,
  onDone,
}: {
  secret: string;
  text: ShownOnceSecretText;
  onDone: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  // Move focus here: the form the user was in has just been replaced by this panel.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="card stack new-key" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {text.heading}
      </h3>
      <p className="notice notice-warning">
        <strong>{text.warning}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{text.label}</label>
        <div className="secret-row">
          <input
            id={`${id}-secret`}
            type="text"
            readOnly
            value={secret}
            className="secret"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            {copyState === 'copied' ? text.copied : text.copy}
          </button>
        </div>
      </div>
      <p role="status" className={copyState === 'failed' ? 'notice notice-error' : 'visually-hidden'}>
        {copyState === 'failed' ? text.copyFailed : copyState === 'copied' ? text.copied : ''}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {text.done}
      </button>
    </section>
  );
}
