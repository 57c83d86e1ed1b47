import { useT } from '@handla/ui';
import type { ReactNode } from 'react';
import type { CheckoutForm } from './checkout-form';
import { TextField } from './TextField';

/** Name, e-mail (for the confirmation) and an optional mobile number (for the SMS). */
export function ContactSection({
  form,
  set,
  errorOf,
  children,
}: {
  form: CheckoutForm;
  set: (patch: Partial<CheckoutForm>) => void;
  errorOf: (field: string) => string | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="card stack-tight">
      <legend>{t('shop.checkout.contact')}</legend>
      <TextField
        id="name"
        label={t('shop.checkout.name')}
        autoComplete="name"
        value={form.name}
        onChange={(name) => set({ name })}
        error={errorOf('customer.name')}
        required
      />
      <TextField
        id="email"
        type="email"
        label={t('shop.checkout.email')}
        autoComplete="email"
        value={form.email}
        onChange={(email) => set({ email })}
        error={errorOf('customer.email')}
        hint={t('shop.checkout.emailHint')}
        required
      />
      <TextField
        id="phone"
        type="tel"
        label={t('shop.checkout.phone')}
        autoComplete="tel"
        value={form.phone}
        onChange={(phone) => set({ phone })}
        error={errorOf('customer.phone')}
        hint={t('shop.checkout.phoneHint')}
      />
      {children}
    </fieldset>
  );
}
