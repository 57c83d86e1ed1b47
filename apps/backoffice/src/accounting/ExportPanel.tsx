import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import { PeriodFields } from '../pages/PeriodFields';
import { downloadSie } from './accounting-client';
import { PanelNotices } from './PanelNotices';

const today = () => new Date().toLocaleDateString('sv-SE');

/** "Ladda ner SIE": one day or a period; a refusal (e.g. a voucher that does not balance) is shown. */
export function ExportPanel() {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<'day' | 'period'>('day');
  const [date, setDate] = useState(today);
  const [period, setPeriod] = useState(() => ({ from: `${today().slice(0, 8)}01`, to: today() }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const isValid =
    kind === 'day'
      ? date !== ''
      : period.from !== '' &&
        period.to !== '' &&
        period.from <= period.to &&
        period.from.slice(0, 4) === period.to.slice(0, 4);

  async function download() {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const file = await downloadSie(kind === 'day' ? { date } : period);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
      URL.revokeObjectURL(url);
      setDone(t('accountingAdmin.export.done', { name: file.name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('accountingAdmin.export.heading')}</h2>
      <p className="muted">{t('accountingAdmin.export.explain')}</p>
      <fieldset>
        <legend>{t('accountingAdmin.export.kind')}</legend>
        {(['day', 'period'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(k === 'day' ? 'accountingAdmin.export.day' : 'accountingAdmin.export.period')}
          </label>
        ))}
      </fieldset>
      {kind === 'day' ? (
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('accountingAdmin.export.date')}</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      ) : (
        <PeriodFields
          idPrefix={id}
          period={period}
          onChange={setPeriod}
          fromLabel={t('accountingAdmin.export.from')}
          toLabel={t('accountingAdmin.export.to')}
          invalid={!isValid}
        />
      )}
      {!isValid && (
        <p id={`${id}-err`} className="notice notice-warning" role="alert">
          {t('accountingAdmin.export.invalidPeriod')}
        </p>
      )}
      <p>
        <button
          type="button"
          className="button button-primary"
          disabled={!isValid || busy}
          onClick={download}
        >
          {busy ? t('accountingAdmin.export.downloading') : t('accountingAdmin.export.download')}
        </button>
      </p>
      <PanelNotices error={error} notice={done} />
    </section>
  );
}
