import { useApi, useT } from '@handla/ui';
import { useId, useState } from 'react';
import { PeriodFields } from '../pages/PeriodFields';
import { previousMonth } from './model';

/** A period picker and the link that downloads the register's SAF-T Cash Register file. */
export function SaftPanel({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [period, setPeriod] = useState(() => previousMonth(new Date()));
  // ISO dates compare as text.
  const isValid = period.from !== '' && period.to !== '' && period.from <= period.to;

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.saft.heading')}</h2>
      <p className="muted">{t('registersAdmin.saft.explain')}</p>
      <PeriodFields
        idPrefix={id}
        period={period}
        onChange={setPeriod}
        fromLabel={t('registersAdmin.saft.from')}
        toLabel={t('registersAdmin.saft.to')}
        invalid={!isValid}
      />
      {isValid ? (
        <p>
          <a className="button button-primary" href={api.registerAdmin.saftUrl(registerId, period)} download>
            {t('registersAdmin.saft.download')}
          </a>
        </p>
      ) : (
        <p id={`${id}-err`} className="registers-field-error" role="alert">
          {t('registersAdmin.saft.invalidPeriod')}
        </p>
      )}
    </section>
  );
}
