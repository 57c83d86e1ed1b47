import { useLocalized, useT } from '@handla/ui';
import type { SkuInfo } from './skuDirectory';
import { type SkuLookup, useSkus } from './useSkus';

/** "Name (Colour: Blue, Size: M)", the name in the current language. */
export function useSkuName(): (sku: SkuInfo) => string {
  const localized = useLocalized();
  return (sku) => {
    const options = Object.entries(sku.options)
      .map(([option, value]) => `${option}: ${value}`)
      .join(', ');
    return options ? `${localized(sku.name)} (${options})` : localized(sku.name);
  };
}

/** A SKU's article number and name on one line, from what the directory knows. */
export function SkuText({ lookup, id }: { lookup: SkuLookup; id: string }) {
  const t = useT();
  const name = useSkuName();
  if (lookup === 'loading') return <span className="muted">{t('common.loading')}</span>;
  if (lookup === 'unknown') return <code title={t('stockAdmin.sku.unknown')}>{id}</code>;
  return (
    <span className="stock-sku">
      <code>{lookup.sku}</code> {name(lookup)}
    </span>
  );
}

/** A SKU by id, named once the directory knows it. */
export function SkuLabel({ id }: { id: string }) {
  const lookup = useSkus([id]);
  return <SkuText lookup={lookup(id)} id={id} />;
}
