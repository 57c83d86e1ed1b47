import type { CatalogProduct, CatalogStatus } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { STATUSES, statusKey } from '../shared/StatusBadge';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** Active, hidden from the web shop, or discontinued; saved under the version read. */
export function ProductStatusForm({
  product,
  onSaved,
  onReload,
}: {
  product: CatalogProduct;
  onSaved: (product: CatalogProduct) => void;
  onReload: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const [status, setStatus] = useState<CatalogStatus>(product.status);
  const save = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === product.status) return;
    const saved = await save.run(() =>
      catalog.setProductStatus(product.id, { version: product.version, status }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`status-${product.id}`}>
      <h3 id={`status-${product.id}`}>{t('catalogAdmin.product.status')}</h3>
      <Field label={t('catalogAdmin.product.status')} hint={t(`catalogAdmin.statusHint.${status}`)}>
        {({ id, hintId }) => (
          <select
            id={id}
            aria-describedby={hintId}
            value={status}
            onChange={(e) => setStatus(e.target.value as CatalogStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <dl className="facts">
        <div className="fact">
          <dt>{t('catalogAdmin.product.slug')}</dt>
          <dd>
            <code>{product.slug}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>{t('catalogAdmin.product.version')}</dt>
          <dd>{product.version}</dd>
        </div>
      </dl>
      <CatalogError
        error={save.error}
        onReload={onReload}
        conflictMessage={t('catalogAdmin.product.conflict')}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.pending || status === product.status}>
          {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.product.saveStatus')}
        </button>
      </div>
    </form>
  );
}
