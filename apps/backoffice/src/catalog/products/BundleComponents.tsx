import type { BundleComponentDto, CatalogSku } from '@handla/api';
import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import { AddComponentForm } from './AddComponentForm';

/** A bundle's components: which articles and how many of each; saved as a whole list. */
export function BundleComponents({
  sku,
  onSaved,
  onReload,
}: {
  sku: CatalogSku;
  onSaved: (sku: CatalogSku) => void;
  onReload: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const [components, setComponents] = useState<BundleComponentDto[]>(sku.components);
  const [notice, setNotice] = useState('');
  const save = useAction();
  const isDirty = JSON.stringify(components) !== JSON.stringify(sku.components);

  const setQuantity = (skuId: string, quantity: number) =>
    setComponents((list) => list.map((c) => (c.skuId === skuId ? { ...c, quantity } : c)));

  async function submit() {
    const saved = await save.run(() =>
      catalog.setBundleComponents(sku.id, {
        version: sku.version,
        components: components.map((c) => ({ skuId: c.skuId, quantity: c.quantity })),
      }),
    );
    if (saved) {
      onSaved(saved);
      setNotice(t('catalogAdmin.bundle.saved'));
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.bundle.heading')}</h3>
      <p className="muted">{t('catalogAdmin.bundle.explain')}</p>
      <div className="table-wrap">
        <table className="middle-table">
          <caption>{t('catalogAdmin.bundle.caption', { sku: sku.sku })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.variant.sku')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.bundle.quantity')}
              </th>
              <th scope="col">{t('catalogAdmin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.skuId}>
                <th scope="row">
                  <code>{c.sku}</code>
                </th>
                <td className="number">
                  <label className="visually-hidden" htmlFor={`${id}-${c.skuId}`}>
                    {t('catalogAdmin.bundle.quantityOf', { sku: c.sku })}
                  </label>
                  <input
                    id={`${id}-${c.skuId}`}
                    type="number"
                    className="input-amount"
                    min={1}
                    max={1000}
                    step={1}
                    value={c.quantity}
                    onChange={(e) =>
                      setQuantity(c.skuId, Math.max(1, Math.trunc(Number(e.target.value) || 1)))
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => setComponents((list) => list.filter((x) => x.skuId !== c.skuId))}
                  >
                    {t('catalogAdmin.common.remove')}
                    <span className="visually-hidden"> {c.sku}</span>
                  </button>
                </td>
              </tr>
            ))}
            {components.length === 0 && (
              <tr>
                <td colSpan={3}>{t('catalogAdmin.bundle.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <AddComponentForm
        existing={components}
        onAdd={(component) => {
          setNotice('');
          setComponents((list) => [...list, component]);
        }}
      />
      <CatalogError
        error={save.error}
        onReload={onReload}
        conflictMessage={t('catalogAdmin.product.conflict')}
      />
      <p role="status" className={notice && !isDirty ? 'notice notice-ok' : 'visually-hidden'}>
        {isDirty ? '' : notice}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!isDirty || save.pending}
          onClick={() => void submit()}
        >
          {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.bundle.save')}
        </button>
      </div>
    </section>
  );
}
