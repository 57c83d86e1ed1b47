import type { CustomerAccount } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { TextField } from '../checkout/TextField';

/** Sign in, or create an account (switchable); calls `onSignedIn` with the account. */
export function AccountForms({ onSignedIn }: { onSignedIn: (account: CustomerAccount) => void }) {
  const t = useT();
  const api = useApi();
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => {
    const problem = (error as { problem?: { errors: { field: string; message: string }[] } } | null)?.problem;
    return problem?.errors.find((e) => e.field === field)?.message;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const account =
        mode === 'sign-in'
          ? await api.shop.signIn({ email: email.trim(), password })
          : await api.shop.signUp({
              email: email.trim(),
              password,
              name: name.trim(),
              ...(phone.trim() ? { phone: phone.trim() } : {}),
            });
      onSignedIn(account);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const signingUp = mode === 'sign-up';
  return (
    <form className="card stack-tight" onSubmit={submit} aria-labelledby="account-form-heading">
      <h2 id="account-form-heading">{signingUp ? t('shop.account.signUp') : t('shop.account.signIn')}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {signingUp && (
        <TextField
          id="account-name"
          label={t('shop.checkout.name')}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={fieldError('name')}
          required
        />
      )}
      <TextField
        id="account-email"
        type="email"
        label={t('shop.checkout.email')}
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={fieldError('email')}
        required
      />
      <TextField
        id="account-password"
        type="password"
        label={t('shop.account.password')}
        hint={signingUp ? t('shop.account.passwordHint') : undefined}
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        value={password}
        onChange={setPassword}
        error={fieldError('password')}
        required
      />
      {signingUp && (
        <TextField
          id="account-phone"
          type="tel"
          label={t('shop.checkout.phone')}
          autoComplete="tel"
          value={phone}
          onChange={setPhone}
          error={fieldError('phone')}
        />
      )}
      <button type="submit" className="button button-primary button-large button-block" disabled={busy}>
        {signingUp ? t('shop.account.signUp') : t('shop.account.signIn')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setError(null);
          setMode(signingUp ? 'sign-in' : 'sign-up');
        }}
      >
        {signingUp ? t('shop.account.haveAccount') : t('shop.account.noAccount')}
      </button>
    </form>
  );
}
