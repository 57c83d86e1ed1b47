// The fields of a promotion rule, per type, with a live preview beside them; `onSubmit` throws the
// API's error to show (field errors are named, e.g. effect.amountOff).
import type { CreatePromotionBody } from '@handla/api';
import { ErrorNotice, type MessageKey, useT } from '@handla/ui';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { RuleGroupsField } from './RuleGroupsField';
import { RulePreview } from './RulePreview';
import { bodyOf, EFFECT_TYPES, effectOf, type RuleFormValues, TARGET_KINDS } from './rule-form';

export function PromotionForm({
  heading,
  initial,
  submitLabel,
  onSubmit,
}: {
  heading: string;
  initial: RuleFormValues;
  submitLabel: string;
  onSubmit: (body: CreatePromotionBody) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [v, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isSaved, setSaved] = useState(false);
  const set = (change: Partial<RuleFormValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSubmit(bodyOf(v));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  const text = (
    key: keyof RuleFormValues,
    label: MessageKey,
    extra: { inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        autoComplete="off"
        {...extra}
        value={v[key] as string}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );
  const check = (key: keyof RuleFormValues, label: MessageKey) => (
    <label className="checkbox">
      <input type="checkbox" checked={v[key] as boolean} onChange={(e) => set({ [key]: e.target.checked })} />
      <span>{t(label)}</span>
    </label>
  );
  const targetFields = (
    kindKey: 'targetKind' | 'secondKind',
    idsKey: 'targetIds' | 'secondIds',
    legend: ReactNode,
  ) => (
    <fieldset className="stack">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-${kindKey}`}>{t('promotionsAdmin.target')}</label>
        <select
          id={`${id}-${kindKey}`}
          value={v[kindKey]}
          onChange={(e) => set({ [kindKey]: e.target.value as RuleFormValues['targetKind'] })}
        >
          {TARGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`promotionsAdmin.target.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {v[kindKey] !== 'all' && text(idsKey, 'promotionsAdmin.targetIds')}
    </fieldset>
  );

  return (
    <div className="promotion-editor">
      <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{heading}</h3>
        {error !== null && <ErrorNotice error={error} />}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('promotionsAdmin.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={200}
            value={v.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('promotionsAdmin.type')}</label>
          <select
            id={`${id}-type`}
            value={v.type}
            onChange={(e) => set({ type: e.target.value as RuleFormValues['type'] })}
          >
            {EFFECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`promotionsAdmin.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {targetFields('targetKind', 'targetIds', t('promotionsAdmin.target'))}
        {v.type === 'bundle' && targetFields('secondKind', 'secondIds', t('promotionsAdmin.secondTarget'))}
        {(v.type === 'percent_off' || v.type === 'spend_threshold') &&
          text('percent', 'promotionsAdmin.percent', { inputMode: 'decimal' })}
        {(v.type === 'amount_off' || v.type === 'spend_threshold') &&
          text('amount', 'promotionsAdmin.amount', { inputMode: 'decimal' })}
        {v.type === 'x_for_y' && (
          <>
            {text('buy', 'promotionsAdmin.buy', { inputMode: 'numeric' })}
            {text('pay', 'promotionsAdmin.pay', { inputMode: 'numeric' })}
          </>
        )}
        {v.type === 'mix_match' && text('quantity', 'promotionsAdmin.quantity', { inputMode: 'numeric' })}
        {(v.type === 'mix_match' || v.type === 'bundle') &&
          text('price', 'promotionsAdmin.price', { inputMode: 'decimal' })}
        {v.type === 'spend_threshold' &&
          text('minSpend', 'promotionsAdmin.minSpend', { inputMode: 'decimal' })}
        {text('priority', 'promotionsAdmin.priority', { inputMode: 'numeric' })}
        <div className="field">
          <label htmlFor={`${id}-startsAt`}>{t('promotionsAdmin.startsAt')}</label>
          <input
            id={`${id}-startsAt`}
            type="datetime-local"
            value={v.startsAt}
            onChange={(e) => set({ startsAt: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-endsAt`}>{t('promotionsAdmin.endsAt')}</label>
          <input
            id={`${id}-endsAt`}
            type="datetime-local"
            value={v.endsAt}
            onChange={(e) => set({ endsAt: e.target.value })}
          />
        </div>
        <fieldset className="stack">
          <legend>{t('promotionsAdmin.channels')}</legend>
          {check('web', 'promotionsAdmin.channel.web')}
          {check('store', 'promotionsAdmin.channel.store')}
        </fieldset>
        {check('isExclusive', 'promotionsAdmin.isExclusive')}
        {check('isStackable', 'promotionsAdmin.isStackable')}
        {check('membersOnly', 'promotionsAdmin.membersOnly')}
        <RuleGroupsField value={v.customerGroups} onChange={(customerGroups) => set({ customerGroups })} />
        {check('requiresCoupon', 'promotionsAdmin.requiresCoupon')}
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('promotionsAdmin.saving') : submitLabel}
        </button>
        <p role="status" className={isSaved ? 'notice' : 'visually-hidden'}>
          {isSaved ? t('promotionsAdmin.saved') : ''}
        </p>
      </form>
      <RulePreview effect={effectOf(v)} isStackable={v.isStackable} />
    </div>
  );
}
