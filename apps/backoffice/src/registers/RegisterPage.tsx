import type { RegisterSummary } from '@handla/api';
import { useT } from '@handla/ui';
import { JournalCheck } from './JournalCheck';
import { PairingPanel } from './PairingPanel';
import { REGISTER_TABS, type RegisterTab, registersHref } from './paths';
import { ReceiptsPanel } from './ReceiptsPanel';
import { ReportsPanel } from './ReportsPanel';
import { SaftPanel } from './SaftPanel';
import { SettingsForm } from './SettingsForm';

/** One register: its own menu and the chosen part. */
export function RegisterPage({ register, tab }: { register: RegisterSummary; tab: RegisterTab }) {
  const t = useT();
  return (
    <>
      <p>
        <a href={registersHref()}>← {t('registersAdmin.back')}</a>
      </p>
      <h1>
        {register.name}{' '}
        <span className="muted">
          ({register.code} · {register.storeName})
        </span>
      </h1>
      <nav className="registers-tabs" aria-label={t('registersAdmin.tabs')}>
        <ul>
          {REGISTER_TABS.map(({ tab: each, label }) => (
            <li key={each}>
              <a href={registersHref(register.id, each)} aria-current={each === tab ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Part register={register} tab={tab} />
    </>
  );
}

function Part({ register, tab }: { register: RegisterSummary; tab: RegisterTab }) {
  // Keyed by register so switching registers never shows the previous one's state.
  switch (tab) {
    case 'pairing':
      return <PairingPanel key={register.id} register={register} />;
    case 'settings':
      return <SettingsForm key={register.id} registerId={register.id} />;
    case 'receipts':
      return <ReceiptsPanel key={register.id} registerId={register.id} />;
    case 'journal':
      return <JournalCheck key={register.id} registerId={register.id} />;
    case 'reports':
      return <ReportsPanel key={register.id} registerId={register.id} />;
    case 'saft':
      return <SaftPanel key={register.id} registerId={register.id} />;
  }
}
