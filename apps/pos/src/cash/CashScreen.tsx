// Cash and the end of the day: drawer without a sale, cash movements, X and Z reports.
import { useT } from '@handla/ui';
import { useState } from 'react';
import { DayReportPanel } from './DayReportPanel';
import { DrawerForm } from './DrawerForm';
import { MovementForm } from './MovementForm';

type Tab = 'drawer' | 'movement' | 'report';
const TABS: readonly Tab[] = ['drawer', 'movement', 'report'];

export function CashScreen() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('report');
  return (
    <div className="stack">
      <div className="button-row" role="tablist" aria-label={t('pos.cash.heading')}>
        {TABS.map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            aria-selected={tab === item}
            className={tab === item ? 'button button-primary' : 'button'}
            onClick={() => setTab(item)}
          >
            {t(`pos.cash.tab.${item}`)}
          </button>
        ))}
      </div>
      {tab === 'drawer' && <DrawerForm />}
      {tab === 'movement' && <MovementForm />}
      {tab === 'report' && <DayReportPanel />}
    </div>
  );
}
