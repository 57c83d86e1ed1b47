// Lead time, slot length, capacities, horizon and the switches of the pickup form.
import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import type { SettingsDraft } from './draft';
import { Check, Field } from './fields';

const LEAD_OPTIONS = ['15', '30', '60'];

export function GeneralFields({
  draft,
  change,
  errors,
  disabled,
}: {
  draft: SettingsDraft;
  change: (patch: Partial<SettingsDraft>) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const t = useT();
  const id = useId();
  const [isCustomLead, setCustomLead] = useState(!LEAD_OPTIONS.includes(draft.leadTimeMinutes));
  const number = (key: keyof SettingsDraft, label: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      value={draft[key] as string}
      onChange={(value) => change({ [key]: value })}
      error={errors[key]}
      disabled={disabled}
      min={0}
    />
  );
  return (
    <fieldset className="stack">
      <legend>{t('pickupAdmin.general')}</legend>
      <Check
        label={t('pickupAdmin.enabled')}
        checked={draft.enabled}
        onChange={(enabled) => change({ enabled })}
        disabled={disabled}
      />
      <div className="pickup-grid">
        <div className="field">
          <label htmlFor={`${id}-lead`}>{t('pickupAdmin.leadTime')}</label>
          <select
            id={`${id}-lead`}
            className="pickup-input"
            value={isCustomLead ? 'custom' : draft.leadTimeMinutes}
            disabled={disabled}
            aria-describedby={`${id}-lead-hint`}
            onChange={(e) => {
              const custom = e.target.value === 'custom';
              setCustomLead(custom);
              if (!custom) change({ leadTimeMinutes: e.target.value });
            }}
          >
            {LEAD_OPTIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('pickupAdmin.leadOption', { minutes })}
              </option>
            ))}
            <option value="custom">{t('pickupAdmin.leadCustom')}</option>
          </select>
          <span id={`${id}-lead-hint`} className="muted">
            {t('pickupAdmin.leadTimeHint')}
          </span>
          {!isCustomLead && errors.leadTimeMinutes && (
            <span className="pickup-field-error">{errors.leadTimeMinutes}</span>
          )}
        </div>
        {isCustomLead && number('leadTimeMinutes', t('pickupAdmin.leadCustomMinutes'))}
        {number('slotMinutes', t('pickupAdmin.slotMinutes'))}
        {number('capacityOrders', t('pickupAdmin.capacityOrders'), t('pickupAdmin.noLimitHint'))}
        {number('capacityItems', t('pickupAdmin.capacityItems'), t('pickupAdmin.noLimitHint'))}
        {number('bookAheadDays', t('pickupAdmin.bookAheadDays'))}
        {number('reminderMinutesBefore', t('pickupAdmin.reminder'), t('pickupAdmin.reminderHint'))}
        {number('collectWithinDays', t('pickupAdmin.collectWithin'))}
      </div>
      <Check
        label={t('pickupAdmin.asap')}
        hint={t('pickupAdmin.asapHint')}
        checked={draft.asapEnabled}
        onChange={(asapEnabled) => change({ asapEnabled })}
        disabled={disabled}
      />
      <Check
        label={t('pickupAdmin.payInStore')}
        checked={draft.payInStoreAllowed}
        onChange={(payInStoreAllowed) => change({ payInStoreAllowed })}
        disabled={disabled}
      />
    </fieldset>
  );
}
