import { useT } from '@handla/ui';
import { useId, useRef } from 'react';
import { Field } from '../shared/Field';
import type { OptionDraft } from './optionDrafts';

const MAX_OPTIONS = 5;

/** Option templates of a new product, e.g. Färg: Blå, Röd and Storlek: S, M, L. */
export function OptionTemplatesEditor({
  options,
  onChange,
}: {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
}) {
  const t = useT();
  const id = useId();
  const nextKey = useRef(1);
  const update = (key: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  const add = () => {
    const key = nextKey.current++;
    onChange([...options, { key, nameSv: '', nameEn: '', values: '' }]);
    // The new option's first input appears on the next render; move there for keyboard users.
    requestAnimationFrame(() => document.getElementById(`${id}-${key}-name`)?.focus());
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.options.heading')}</h3>
      <p className="muted">{t('catalogAdmin.options.explain')}</p>
      {options.map((option, index) => (
        <fieldset key={option.key} className="option-draft">
          <legend>{t('catalogAdmin.options.legend', { number: index + 1 })}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-${option.key}-name`}>{t('catalogAdmin.options.nameSv')}</label>
              <input
                id={`${id}-${option.key}-name`}
                type="text"
                required
                maxLength={50}
                value={option.nameSv}
                onChange={(e) => update(option.key, { nameSv: e.target.value })}
              />
            </div>
            <Field label={t('catalogAdmin.options.nameEn')} hint={t('catalogAdmin.options.nameEnHint')}>
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  maxLength={50}
                  aria-describedby={f.hintId}
                  value={option.nameEn}
                  onChange={(e) => update(option.key, { nameEn: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('catalogAdmin.options.values')}
              hint={t('catalogAdmin.options.valuesHint')}
              className="span-2"
            >
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  required
                  aria-describedby={f.hintId}
                  value={option.values}
                  onChange={(e) => update(option.key, { values: e.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              onClick={() => onChange(options.filter((o) => o.key !== option.key))}
            >
              {t('catalogAdmin.options.remove', { number: index + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      {options.length < MAX_OPTIONS && (
        <div className="button-row">
          <button type="button" className="button" onClick={add}>
            {t('catalogAdmin.options.add')}
          </button>
        </div>
      )}
    </section>
  );
}
