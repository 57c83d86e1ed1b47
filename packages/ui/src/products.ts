import type { Translate } from './i18n/i18n';

/** "1 variant" / "3 varianter". */
export function variantsText(t: Translate, count: number): string {
  return count === 1 ? t('product.variants.one') : t('product.variants.other', { count });
}
