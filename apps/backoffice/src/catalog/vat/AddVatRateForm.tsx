import type { TaxClass } from '@handla/api';
import { parseMajorAmount } from '@handla/core';
import { useLocalized, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

// "25", "12,5" or "6 %" → basis points; two decimals of a percent are exactly the hundredths.
function parseRateBp(text: string): number | null {
  try {
    const bp = parseMajorAmount(text.replace(/\s|%/g, ''), 'SEK');
    return bp >= 0 && bp <= 10_000 ? bp : null;
  } catch {
    return null;
  }
}

/** A new VAT rate period for a country × tax class (owners only: a wrong rate misstates every receipt). */
export function AddVatRateForm({
  countries,
  taxClasses,
  onAdded,
}: {
  countries: readonly string[];
  taxClasses: readonly TaxClass[];
  onAdded: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const localized = useLocalized();
  const [country, setCountry] = useState('SE');
  const [taxClass, setTaxClass] = useState('standard');
  const [rate, setRate] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [isRateInvalid, setRateInvalid] = useState(false);
  const [notice, setNotice] = useState('');
  const add = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice('');
    const rateBp = parseRateBp(rate);
    setRateInvalid(rateBp === null);
    if (rateBp === null) return;
    const added = await add.run(() =>
      catalog.addVatRate({
        country: country.trim().toUpperCase(),
        taxClass,
        rateBp,
        validFrom,
        validTo: validTo || null,
      }),
    );
    if (!added) return;
    setRate('');
    setNotice(t('catalogAdmin.vat.added', { country: added.country, from: added.validFrom }));
    onAdded();
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.vat.addHeading')}</h3>
      <div className="form-grid">
        <Field label={t('catalogAdmin.vat.country')} hint={t('catalogAdmin.vat.countryHint')}>
          {(f) => (
            <>
              <input
                id={f.id}
                type="text"
                required
                pattern="[A-Za-z]{2}"
                maxLength={2}
                list={`${id}-countries`}
                aria-describedby={f.hintId}
                value={country}
                onChange={(e) => setCountry(e.target.value.toUpperCase())}
              />
              <datalist id={`${id}-countries`}>
                {countries.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('catalogAdmin.vat.taxClass')}>
          {(f) => (
            <select id={f.id} value={taxClass} onChange={(e) => setTaxClass(e.target.value)}>
              {taxClasses.map((c) => (
                <option key={c.code} value={c.code}>
                  {localized(c.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('catalogAdmin.vat.rateInput')}>
          {(f) => (
            <input
              id={f.id}
              type="text"
              inputMode="decimal"
              required
              aria-invalid={isRateInvalid}
              value={rate}
              onChange={(e) => setRate(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.vat.validFrom')}>
          {(f) => (
            <input
              id={f.id}
              type="date"
              required
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.vat.validToOptional')}>
          {(f) => (
            <input
              id={f.id}
              type="date"
              min={validFrom || undefined}
              value={validTo}
              onChange={(e) => setValidTo(e.target.value)}
            />
          )}
        </Field>
      </div>
      {isRateInvalid && (
        <p className="notice notice-error" role="alert">
          {t('catalogAdmin.vat.invalidRate')}
        </p>
      )}
      <CatalogError error={add.error} />
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={add.pending}>
          {add.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.vat.add')}
        </button>
      </div>
    </form>
  );
}
