import type { StaffUser } from '@handla/api';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../ErrorNotice';
import { describeError } from '../errors';
import { useT } from '../i18n/i18n';
import { useSession } from './session';

/** The staff sign-in form: e-mail, password, and the server's refusal in an alert. */
export function LoginForm({ onSignedIn }: { onSignedIn?: (user: StaffUser) => void }) {
  const t = useT();
  const { signIn } = useSession();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const user = await signIn({ email: email.trim(), password });
      onSignedIn?.(user);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  const invalidFields = new Set(error ? describeError(error, t).fieldErrors.map((e) => e.field) : []);
  const invalidProps = (field: string) =>
    error ? { 'aria-invalid': invalidFields.has(field), 'aria-describedby': errorId } : {};

  return (
    <form className="card stack login-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('auth.heading')}</h2>
      {error !== null && (
        <ErrorNotice
          id={errorId}
          error={error}
          fieldLabels={{ email: t('auth.email'), password: t('auth.password') }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('auth.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          {...invalidProps('email')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...invalidProps('password')}
        />
      </div>
      <button type="submit" className="button button-primary button-large" disabled={pending}>
        {pending ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}
