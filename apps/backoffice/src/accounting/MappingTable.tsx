import type { AccountingKey, AccountMapping, AccountMappingList } from '@handla/api';
import { EU_VAT_RATES } from '@handla/core';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { putAccountMapping } from './accounting-client';
import { PanelNotices } from './PanelNotices';

const isAccount = (value: string) => value === '' || /^[1-8]\d{3}$/.test(value);
const OSS_COUNTRY_KEY = /^oss_(sales|vat):([A-Z]{2})$/;

/** Rows for one country's own OSS accounts, empty until filled (empty = the shared OSS accounts). */
const countryRows = (mapping: AccountMappingList, country: string): AccountMapping[] =>
  (['sales', 'vat'] as const).map((kind) => {
    const base = mapping.items.find((i) => i.key === `oss_${kind}`);
    return {
      key: `oss_${kind}:${country}`,
      account: base?.account ?? '',
      defaultAccount: base?.account ?? '',
      isDefault: true,
      name: '',
    };
  });

/** The account per purpose, editable; an empty field means the BAS default. */
export function MappingTable({
  mapping,
  onSaved,
}: {
  mapping: AccountMappingList;
  onSaved: (m: AccountMappingList) => void;
}) {
  const t = useT();
  const id = useId();
  const draftOf = (items: readonly AccountMapping[]) =>
    Object.fromEntries(items.map((i) => [i.key, i.isDefault ? '' : i.account])) as Record<string, string>;
  const [draft, setDraft] = useState(() => draftOf(mapping.items));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [added, setAdded] = useState<AccountMapping[]>([]);
  const [country, setCountry] = useState('');
  const items = [...mapping.items, ...added];
  const invalid = items.filter((i) => !isAccount(draft[i.key] ?? ''));
  const countries = Object.keys(EU_VAT_RATES).filter(
    (c) => c !== 'SE' && !items.some((i) => i.key === `oss_sales:${c}`),
  );
  const purposeOf = (key: string) => {
    const oss = OSS_COUNTRY_KEY.exec(key);
    if (!oss) return t(`accountingAdmin.key.${key as AccountingKey}`);
    const which = oss[1] === 'sales' ? 'accountingAdmin.key.ossSalesFor' : 'accountingAdmin.key.ossVatFor';
    return t(which, { country: oss[2]! });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (invalid.length > 0) return;
    setSaving(true);
    setError(null);
    setNotice('');
    try {
      const saved = await putAccountMapping({
        accounts: items.map((i) => ({ key: i.key, account: draft[i.key] || null })),
      });
      setAdded([]);
      setDraft(draftOf(saved.items));
      onSaved(saved);
      setNotice(t('accountingAdmin.mapping.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('accountingAdmin.mapping.heading')}</h2>
      <p className="muted">{t('accountingAdmin.mapping.explain')}</p>
      {mapping.importedAccountNames > 0 && (
        <p className="muted">
          {t('accountingAdmin.import.imported', { count: mapping.importedAccountNames })}
        </p>
      )}
      <form className="stack" onSubmit={save} noValidate>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('accountingAdmin.mapping.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountingAdmin.mapping.purpose')}</th>
                <th scope="col">{t('accountingAdmin.mapping.account')}</th>
                <th scope="col">{t('accountingAdmin.mapping.default')}</th>
                <th scope="col">{t('accountingAdmin.mapping.name')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const purpose = purposeOf(item.key);
                const isBad = !isAccount(draft[item.key] ?? '');
                return (
                  <tr key={item.key}>
                    <th scope="row">{purpose}</th>
                    <td>
                      <input
                        inputMode="numeric"
                        size={6}
                        maxLength={4}
                        aria-label={t('accountingAdmin.mapping.accountFor', { purpose })}
                        placeholder={item.defaultAccount}
                        value={draft[item.key] ?? ''}
                        aria-invalid={isBad || undefined}
                        aria-describedby={isBad ? `${id}-invalid` : undefined}
                        onChange={(e) => setDraft((d) => ({ ...d, [item.key]: e.target.value.trim() }))}
                      />
                    </td>
                    <td>{item.defaultAccount}</td>
                    <td>{item.name}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('accountingAdmin.mapping.ossCountry')}</label>
          <select id={`${id}-country`} value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('accountingAdmin.mapping.ossCountryPick')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            className="button"
            disabled={country === ''}
            onClick={() => {
              setAdded((a) => [...a, ...countryRows(mapping, country)]);
              setCountry('');
            }}
          >
            {t('accountingAdmin.mapping.ossCountryAdd')}
          </button>
        </div>
        {invalid.length > 0 && (
          <p id={`${id}-invalid`} className="notice notice-warning" role="alert">
            {t('accountingAdmin.mapping.invalid')}
          </p>
        )}
        <p>
          <button type="submit" className="button button-primary" disabled={saving || invalid.length > 0}>
            {saving ? t('accountingAdmin.mapping.saving') : t('accountingAdmin.mapping.save')}
          </button>
        </p>
      </form>
      <PanelNotices error={error} notice={notice} />
    </section>
  );
}
