import type { CatalogProduct, CatalogSku } from '@handla/api';
import { useT } from '@handla/ui';
import { useState } from 'react';
import { AddVariantForm } from './AddVariantForm';
import { VariantEditRow } from './VariantEditRow';
import { VariantRow } from './VariantRow';

/** The product's variants: one row each, edited in place one at a time; "add variant" below. */
export function VariantTable({
  product,
  onSkuChanged,
  onSkuAdded,
}: {
  product: CatalogProduct;
  onSkuChanged: (sku: CatalogSku) => void;
  onSkuAdded: () => void;
}) {
  const t = useT();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const stopEditing = () => {
    setFocusId(editingId);
    setEditingId(null);
  };
  const [notice, setNotice] = useState('');
  return (
    <section className="stack" aria-labelledby={`variants-${product.id}`}>
      <h3 id={`variants-${product.id}`}>{t('catalogAdmin.variants.heading')}</h3>
      <div className="table-wrap">
        <table className="variant-table">
          <caption>{t('catalogAdmin.variants.caption', { count: product.skus.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.variant.sku')}</th>
              <th scope="col">{t('catalogAdmin.variant.ean')}</th>
              <th scope="col">{t('catalogAdmin.variant.options')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.variant.price')}
              </th>
              <th scope="col" className="number">
                {t('catalogAdmin.variant.weight')}
              </th>
              <th scope="col">{t('catalogAdmin.variant.status')}</th>
              <th scope="col">{t('catalogAdmin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {product.skus.map((sku) =>
              sku.id === editingId ? (
                <VariantEditRow
                  key={sku.id}
                  sku={sku}
                  product={product}
                  onUpdated={onSkuChanged}
                  onSaved={(saved) => {
                    onSkuChanged(saved);
                    stopEditing();
                    setNotice(t('catalogAdmin.variant.saved', { sku: saved.sku }));
                  }}
                  onCancel={stopEditing}
                  onReload={() => {
                    stopEditing();
                    onSkuAdded();
                  }}
                />
              ) : (
                <VariantRow
                  key={sku.id}
                  sku={sku}
                  product={product}
                  isEditDisabled={editingId !== null}
                  shouldFocus={sku.id === focusId}
                  onEdit={() => {
                    setNotice('');
                    setEditingId(sku.id);
                  }}
                />
              ),
            )}
          </tbody>
        </table>
      </div>
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      {!product.isBundle && (
        <AddVariantForm
          product={product}
          onAdded={(sku) => {
            setNotice(t('catalogAdmin.variant.added', { sku: sku.sku }));
            onSkuAdded();
          }}
        />
      )}
    </section>
  );
}
