import type { MoneyDto } from '@handla/api';
import { formatPrice, useLocale, useT } from '@handla/ui';
import { useId } from 'react';
import type { Preview } from './optionDrafts';

/** The variants creating the product will make, updated as the options are typed. */
export function VariantPreview({ preview, price }: { preview: Preview; price: MoneyDto | null }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const names = preview.ok ? Object.keys(preview.variants[0]?.options ?? {}) : [];
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.preview.heading')}</h3>
      <p role="status" className={preview.ok ? undefined : 'notice notice-error'}>
        {preview.ok
          ? preview.variants.length === 1
            ? t('catalogAdmin.preview.one')
            : t('catalogAdmin.preview.count', { count: preview.variants.length })
          : preview.key
            ? t(preview.key, { number: preview.number })
            : t('catalogAdmin.preview.invalid', { reason: preview.message })}
      </p>
      {preview.ok && (
        <div className="table-wrap preview-table">
          <table>
            <caption className="visually-hidden">{t('catalogAdmin.preview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogAdmin.variant.sku')}</th>
                {names.map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
                <th scope="col" className="number">
                  {t('catalogAdmin.variant.price')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.variants.map((v) => (
                <tr key={v.articleNumber}>
                  <th scope="row">
                    <code>{v.articleNumber}</code>
                  </th>
                  {names.map((name) => (
                    <td key={name}>{v.options[name]}</td>
                  ))}
                  <td className="number">{price ? formatPrice(price, locale) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
