// The fields of a web shop, each with its server error in place (aria-invalid, described by the
// message); the first field in error gets focus after a refused save.
import {
  ApiError,
  type PriceList,
  type Shop,
  type ShopPaymentMethod,
  type ShopShippingMethod,
} from '@handla/api';
import { ErrorNotice, formatPrice, type MessageKey, useLocale, useT } from '@handla/ui';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useAction } from '../stock/shared/useAction';
import {
  countryCodesOf,
  type ShopDraft,
  type ShopField,
  shopFieldErrors,
  toShopBody,
  toShopDraft,
} from './draft';

// The contract's SHOP_PAYMENT_METHODS, kept here so the bundle does not pull in the zod schemas.
const PAYMENT_METHODS: readonly ShopPaymentMethod[] = ['card', 'klarna', 'swish', 'in_store', 'invoice'];

const FIELD_ORDER: ShopField[] = [
  'name',
  'hostNames',
  'defaultLanguage',
  'currency',
  'priceListId',
  'country',
  'deliveryCountries',
  'shippingMethodIds',
  'paymentMethods',
  'termsText',
  'termsUrl',
  'isOssRegistered',
  'publicUrl',
];

/** A create form (no `shop`) or an edit form; `onSave` sends the body and returns the saved shop. */
export function ShopForm({
  shop,
  priceLists,
  shippingMethods,
  onSave,
}: {
  shop?: Shop;
  priceLists: readonly PriceList[];
  shippingMethods: readonly ShopShippingMethod[];
  onSave: (body: ReturnType<typeof toShopBody>) => Promise<Shop>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const action = useAction();
  const [draft, setDraft] = useState<ShopDraft>(() => toShopDraft(shop));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const problem = action.error instanceof ApiError ? action.error.problem : null;
  const errors = problem ? shopFieldErrors(problem.errors) : {};

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per refusal, not per keystroke
  useEffect(() => {
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }, [action.error]);

  const set = (patch: Partial<ShopDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(null);
  };
  const toggle = <T,>(list: readonly T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => onSave(toShopBody(draft)));
    if (result) {
      setDraft(toShopDraft(shop ? result : undefined));
      setSaved(shop ? t('shopsAdmin.saved') : t('shopsAdmin.created', { name: result.name }));
    }
  }

  const errorText = (field: ShopField) => {
    const error = errors[field];
    if (!error) return undefined;
    // A delivery country's error names the code it is about.
    const code = error.index === undefined ? undefined : countryCodesOf(draft.deliveryCountries)[error.index];
    if (code) return `${code}: ${error.message}`;
    return error.line ? `${t('shopsAdmin.hostLine', { line: error.line })}: ${error.message}` : error.message;
  };
  const a11y = (field: ShopField, hint?: boolean) => {
    const error = errorText(field);
    const describedBy = [hint ? `${id}-${field}-hint` : '', error ? `${id}-${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return {
      id: `${id}-${field}`,
      'data-field': field,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    } as const;
  };
  const after = (field: ShopField, hint?: MessageKey): ReactNode => (
    <>
      {hint && (
        <span id={`${id}-${field}-hint`} className="muted">
          {t(hint)}
        </span>
      )}
      {errorText(field) && (
        <span id={`${id}-${field}-error`} className="shops-field-error">
          {errorText(field)}
        </span>
      )}
    </>
  );
  const label = (field: ShopField, key: MessageKey) => <label htmlFor={`${id}-${field}`}>{t(key)}</label>;
  const currency = draft.currency.trim().toUpperCase();
  const methodsInCurrency = shippingMethods.filter((m) => m.price.currency === currency);

  return (
    <form
      ref={form}
      className="card stack shops-form"
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h3 id={`${id}-heading`}>{shop ? t('shopsAdmin.editHeading') : t('shopsAdmin.createHeading')}</h3>
      {action.error !== null && !problem?.errors.length && <ErrorNotice error={action.error} />}
      <div className="field">
        {label('name', 'shopsAdmin.name')}
        <input
          {...a11y('name')}
          required
          maxLength={100}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        {after('name')}
      </div>
      <div className="field">
        {label('hostNames', 'shopsAdmin.hostNames')}
        <textarea
          {...a11y('hostNames', true)}
          rows={3}
          spellCheck={false}
          autoCapitalize="none"
          value={draft.hostNames}
          onChange={(e) => set({ hostNames: e.target.value })}
        />
        {after('hostNames', 'shopsAdmin.hostNamesHint')}
      </div>
      <div className="shops-row">
        <div className="field">
          {label('defaultLanguage', 'shopsAdmin.language')}
          <select
            {...a11y('defaultLanguage')}
            value={draft.defaultLanguage}
            onChange={(e) => set({ defaultLanguage: e.target.value as ShopDraft['defaultLanguage'] })}
          >
            <option value="sv">{t('shopsAdmin.language.sv')}</option>
            <option value="en">{t('shopsAdmin.language.en')}</option>
          </select>
          {after('defaultLanguage')}
        </div>
        <div className="field">
          {label('currency', 'shopsAdmin.currency')}
          <input
            {...a11y('currency', true)}
            maxLength={3}
            autoCapitalize="characters"
            value={draft.currency}
            onChange={(e) => set({ currency: e.target.value })}
          />
          {after('currency', 'shopsAdmin.currencyHint')}
        </div>
        <div className="field">
          {label('country', 'shopsAdmin.country')}
          <input
            {...a11y('country', true)}
            maxLength={2}
            autoCapitalize="characters"
            value={draft.country}
            onChange={(e) => set({ country: e.target.value })}
          />
          {after('country', 'shopsAdmin.countryHint')}
        </div>
      </div>
      <div className="field">
        {label('deliveryCountries', 'shopsAdmin.deliveryCountries')}
        <input
          {...a11y('deliveryCountries', true)}
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={draft.country}
          value={draft.deliveryCountries}
          onChange={(e) => set({ deliveryCountries: e.target.value })}
        />
        {after('deliveryCountries', 'shopsAdmin.deliveryCountriesHint')}
      </div>
      <div className="field">
        {label('priceListId', 'shopsAdmin.priceList')}
        <select
          {...a11y('priceListId')}
          value={draft.priceListId}
          onChange={(e) => set({ priceListId: e.target.value })}
        >
          <option value="" />
          {priceLists.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name} ({list.currency})
            </option>
          ))}
        </select>
        {after('priceListId')}
      </div>
      <fieldset className="stack-tight" {...a11y('shippingMethodIds')} tabIndex={-1}>
        <legend>{t('shopsAdmin.shippingMethods')}</legend>
        {methodsInCurrency.length === 0 && <p className="muted">{t('shopsAdmin.noShippingMethods')}</p>}
        {methodsInCurrency.map((m) => (
          <label key={m.id} className="checkbox">
            <input
              type="checkbox"
              checked={draft.shippingMethodIds.includes(m.id)}
              onChange={(e) =>
                set({ shippingMethodIds: toggle(draft.shippingMethodIds, m.id, e.target.checked) })
              }
            />
            <span>
              {m.name} · {formatPrice(m.price, locale)} ·{' '}
              <span className="muted">
                {m.countries.length
                  ? t('shopsAdmin.methodCountries', { countries: m.countries.join(', ') })
                  : t('shopsAdmin.methodOwnCountry')}
              </span>
            </span>
          </label>
        ))}
        {after('shippingMethodIds')}
      </fieldset>
      <fieldset className="stack-tight" {...a11y('paymentMethods')} tabIndex={-1}>
        <legend>{t('shopsAdmin.paymentMethods')}</legend>
        {PAYMENT_METHODS.map((method) => (
          <label key={method} className="checkbox">
            <input
              type="checkbox"
              checked={draft.paymentMethods.includes(method)}
              onChange={(e) =>
                set({ paymentMethods: toggle(draft.paymentMethods, method, e.target.checked) })
              }
            />
            <span>{t(`shopsAdmin.pay.${method}`)}</span>
          </label>
        ))}
        {after('paymentMethods')}
      </fieldset>
      <div className="field">
        {label('termsText', 'shopsAdmin.termsText')}
        <textarea
          {...a11y('termsText')}
          rows={3}
          value={draft.termsText}
          onChange={(e) => set({ termsText: e.target.value })}
        />
        {after('termsText')}
      </div>
      <div className="field">
        {label('termsUrl', 'shopsAdmin.termsUrl')}
        <input
          {...a11y('termsUrl')}
          type="url"
          placeholder="https://"
          value={draft.termsUrl}
          onChange={(e) => set({ termsUrl: e.target.value })}
        />
        {after('termsUrl')}
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            {...a11y('isOssRegistered', true)}
            type="checkbox"
            checked={draft.isOssRegistered}
            onChange={(e) => set({ isOssRegistered: e.target.checked })}
          />
          <span>{t('shopsAdmin.oss')}</span>
        </label>
        {after('isOssRegistered', 'shopsAdmin.ossHint')}
      </div>
      <div className="field">
        {label('publicUrl', 'shopsAdmin.publicUrl')}
        <input
          {...a11y('publicUrl', true)}
          type="url"
          placeholder="https://"
          value={draft.publicUrl}
          onChange={(e) => set({ publicUrl: e.target.value })}
        />
        {after('publicUrl', 'shopsAdmin.publicUrlHint')}
      </div>
      <button type="submit" className="button button-primary" disabled={action.pending}>
        {action.pending ? t('shopsAdmin.saving') : shop ? t('shopsAdmin.save') : t('shopsAdmin.create')}
      </button>
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ?? ''}
      </p>
    </form>
  );
}
