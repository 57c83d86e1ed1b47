import type { SkuPrice } from '@handla/api';
import { formatDateTime, formatPrice, useLocale, useT } from '@handla/ui';
import { useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { ConfirmButton } from '../shared/ConfirmButton';
import { useAction } from '../shared/useAction';
import type { PriceOwner } from './owners';
import { PriceForm } from './PriceForm';

/** One SKU's price: change it in place, or remove it (a store then sells at the retail price). */
export function PriceRow({
  price,
  owner,
  onChanged,
}: {
  price: SkuPrice;
  owner: PriceOwner;
  onChanged: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [isEditing, setEditing] = useState(false);
  const remove = useAction();
  const formatted = formatPrice(price.unitPriceInclVat, locale);

  async function removePrice() {
    const done = await remove.run(async () => {
      await owner.remove(price.skuId, price.version);
      return true;
    });
    if (done) onChanged(t('catalogAdmin.prices.removed', { sku: price.sku }));
  }

  return (
    <tr>
      <th scope="row">
        <code>{price.sku}</code>
      </th>
      <td className="number">{formatted}</td>
      <td>
        <time dateTime={price.updatedAt}>{formatDateTime(price.updatedAt, locale)}</time>
      </td>
      <td>
        {isEditing ? (
          <PriceForm
            owner={owner}
            skuId={price.skuId}
            sku={price.sku}
            current={price}
            onSaved={(saved) => {
              setEditing(false);
              onChanged(
                t('catalogAdmin.prices.saved', {
                  sku: saved.sku,
                  price: formatPrice(saved.unitPriceInclVat, locale),
                }),
              );
            }}
            onCancel={() => setEditing(false)}
            onReload={() => onChanged('')}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('catalogAdmin.prices.change')}
              <span className="visually-hidden"> {price.sku}</span>
            </button>
            <ConfirmButton
              pending={remove.pending}
              onConfirm={() => void removePrice()}
              label={
                <>
                  {owner.isStore ? t('catalogAdmin.storePrices.remove') : t('catalogAdmin.prices.remove')}
                  <span className="visually-hidden"> {price.sku}</span>
                </>
              }
              confirmLabel={t('catalogAdmin.prices.confirmRemove', { sku: price.sku })}
            />
          </div>
        )}
        <CatalogError
          error={remove.error}
          onReload={() => onChanged('')}
          conflictMessage={t('catalogAdmin.prices.conflict')}
        />
      </td>
    </tr>
  );
}
