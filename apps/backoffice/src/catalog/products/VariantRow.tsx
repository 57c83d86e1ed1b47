import type { CatalogProduct, CatalogSku } from '@handla/api';
import { formatPrice, useLocale, useT } from '@handla/ui';
import { useEffect, useRef } from 'react';
import { StatusBadge } from '../shared/StatusBadge';
import { optionsText } from './optionsText';

/** One variant as read; "Ändra" turns the row into inputs. */
export function VariantRow({
  sku,
  product,
  isEditDisabled,
  shouldFocus,
  onEdit,
}: {
  sku: CatalogSku;
  product: CatalogProduct;
  isEditDisabled: boolean;
  /** True when the row comes back from editing: focus returns to its edit button. */
  shouldFocus: boolean;
  onEdit: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (shouldFocus) editButton.current?.focus();
  }, [shouldFocus]);
  return (
    <tr>
      <th scope="row">
        <code>{sku.sku}</code>
      </th>
      <td>{sku.ean ?? '–'}</td>
      <td>{optionsText(sku.options, product.options, locale) || '–'}</td>
      <td className="number">{sku.priceInclVat ? formatPrice(sku.priceInclVat, locale) : '–'}</td>
      <td className="number">{sku.weightGrams ?? '–'}</td>
      <td>
        <StatusBadge status={sku.status} />
      </td>
      <td>
        <button type="button" className="button" ref={editButton} disabled={isEditDisabled} onClick={onEdit}>
          {t('catalogAdmin.common.edit')}
          <span className="visually-hidden"> {sku.sku}</span>
        </button>
      </td>
    </tr>
  );
}
