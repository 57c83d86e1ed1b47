// The form of an endpoint we sign messages to (webhooks, the ERP, a 3PL warehouse, a drop-ship
// supplier): a heading, the API's error naming its fields, the URL field, the caller's other fields,
// and the submit button beside an optional second action (rotate the secret, clear the URL), both
// sharing one pending state. The secret itself is shown once by the caller (ShownOnceSecret).
import { ErrorNotice } from '@handla/ui';
import { type FormEvent, type ReactNode, useId, useState } from 'react';

export interface EndpointAction {
  label: string;
  /** Throws the API's error to show. */
  run: () => Promise<void>;
  isDanger?: boolean;
}

export function EndpointForm({
  heading,
  headingLevel = 3,
  intro,
  urlLabel,
  url,
  onUrlChange,
  fieldLabels,
  beforeUrl,
  children,
  submitLabel,
  pendingLabel,
  onSubmit,
  secondary,
  footer,
}: {
  heading: string;
  headingLevel?: 2 | 3;
  /** Shown under the heading, before any error. */
  intro?: ReactNode;
  urlLabel: string;
  url: string;
  onUrlChange: (url: string) => void;
  /** The labels of the fields the API may name in an error, by field name. */
  fieldLabels: Record<string, string>;
  /** Fields before the URL (e.g. which location). */
  beforeUrl?: ReactNode;
  /** Fields after the URL. */
  children?: ReactNode;
  submitLabel: string;
  /** The submit button's text while a request runs; the submit label when not given. */
  pendingLabel?: string;
  /** Sends the form (the URL already trimmed); throws the API's error to show. */
  onSubmit: (url: string) => Promise<void>;
  secondary?: EndpointAction;
  /** After the buttons, e.g. a "saved" status. */
  footer?: ReactNode;
}) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function run(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => onSubmit(url.trim()));
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{heading}</Heading>
      {intro}
      {error !== null && <ErrorNotice error={error} fieldLabels={fieldLabels} />}
      {beforeUrl}
      <div className="field">
        <label htmlFor={`${id}-url`}>{urlLabel}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          required
          maxLength={500}
          placeholder="https://"
          autoComplete="off"
          value={url}
          onChange={(e) => onUrlChange(e.target.value)}
        />
      </div>
      {children}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending && pendingLabel ? pendingLabel : submitLabel}
        </button>
        {secondary && (
          <button
            type="button"
            className={secondary.isDanger ? 'button button-danger' : 'button'}
            disabled={pending}
            onClick={() => void run(secondary.run)}
          >
            {secondary.label}
          </button>
        )}
      </div>
      {footer}
    </form>
  );
}
