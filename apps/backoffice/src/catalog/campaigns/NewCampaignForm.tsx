import type { MoneyDto } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref, goTo } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { fromLocalInput, toLocalInput } from '../shared/dates';
import { Field } from '../shared/Field';
import { useStores } from '../shared/lookups';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import { CampaignPricesEditor } from './CampaignPricesEditor';

/** One SKU's campaign price as the form holds it. */
export interface CampaignPriceDraft {
  skuId: string;
  sku: string;
  name: string;
  regular: MoneyDto | null;
  amount: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A new campaign: a name, where, from when to when, and its price per article. */
export function NewCampaignForm() {
  const t = useT();
  const catalog = useCatalogApi();
  const stores = useStores();
  const [name, setName] = useState('');
  const [storeId, setStoreId] = useState('');
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date()));
  const [endsAt, setEndsAt] = useState(() => toLocalInput(new Date(Date.now() + WEEK_MS)));
  const [prices, setPrices] = useState<CampaignPriceDraft[]>([]);
  const [problem, setProblem] = useState('');
  const create = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const start = fromLocalInput(startsAt);
    const end = fromLocalInput(endsAt);
    if (!start || !end || end <= start) return setProblem(t('catalogAdmin.campaigns.badPeriod'));
    if (prices.length === 0) return setProblem(t('catalogAdmin.campaigns.needPrices'));
    setProblem('');
    const created = await create.run(() =>
      catalog.createCampaign({
        name: name.trim(),
        storeId: storeId || null,
        startsAt: start,
        endsAt: end,
        prices: prices.map((p) => ({
          skuId: p.skuId,
          unitPriceInclVat: { amount: p.amount, currency: 'SEK' },
        })),
      }),
    );
    if (created) goTo('campaigns', created.id);
  }

  return (
    <>
      <p>
        <a href={catalogHref('campaigns')}>← {t('catalogAdmin.campaigns.back')}</a>
      </p>
      <PageHeading title={t('catalogAdmin.campaigns.newHeading')} />
      <form className="stack" onSubmit={submit}>
        <section className="card stack" aria-labelledby="campaign-basics">
          <h3 id="campaign-basics">{t('catalogAdmin.campaigns.details')}</h3>
          <div className="form-grid">
            <Field label={t('catalogAdmin.campaigns.name')}>
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  required
                  maxLength={200}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('catalogAdmin.campaigns.store')}>
              {(f) => (
                <select id={f.id} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                  <option value="">{t('catalogAdmin.campaigns.allStores')}</option>
                  {stores.data?.items.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('catalogAdmin.campaigns.startsAt')}>
              {(f) => (
                <input
                  id={f.id}
                  type="datetime-local"
                  required
                  value={startsAt}
                  onChange={(e) => setStartsAt(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('catalogAdmin.campaigns.endsAt')}>
              {(f) => (
                <input
                  id={f.id}
                  type="datetime-local"
                  required
                  value={endsAt}
                  onChange={(e) => setEndsAt(e.target.value)}
                />
              )}
            </Field>
          </div>
        </section>
        <CampaignPricesEditor prices={prices} onChange={setPrices} />
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <CatalogError error={create.error} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.pending}>
            {create.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.campaigns.create')}
          </button>
          <a className="button" href={catalogHref('campaigns')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
