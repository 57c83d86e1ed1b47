import type { BundleComponentDto } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** Finds an article by its article number or EAN and adds it to the bundle's list. */
export function AddComponentForm({
  existing,
  onAdd,
}: {
  existing: readonly BundleComponentDto[];
  onAdd: (component: BundleComponentDto) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [message, setMessage] = useState('');
  const find = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    const found = await find.run(() => catalog.lookupSku(code.trim()));
    if (!found) return;
    if (found.isBundle) return setMessage(t('catalogAdmin.bundle.noBundles'));
    if (existing.some((c) => c.skuId === found.id))
      return setMessage(t('catalogAdmin.bundle.already', { sku: found.sku }));
    onAdd({ skuId: found.id, sku: found.sku, quantity: Math.max(1, Math.trunc(Number(quantity) || 1)) });
    setCode('');
    setQuantity('1');
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label={t('catalogAdmin.bundle.code')}>
        {({ id }) => (
          <input
            id={id}
            type="text"
            required
            maxLength={64}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('catalogAdmin.bundle.quantity')}>
        {({ id }) => (
          <input
            id={id}
            type="number"
            min={1}
            max={1000}
            step={1}
            className="input-amount"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={find.pending}>
        {t('catalogAdmin.bundle.add')}
      </button>
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
      <CatalogError error={find.error} />
    </form>
  );
}
