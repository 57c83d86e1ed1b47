// The stock area of the back office: levels and history, transfers, counts, purchasing, replenishment.
import './stock.css';
import { useEffect, useRef } from 'react';
import { useSubPath } from '../routes';
import { CountsSection } from './counts/CountsSection';
import { LevelsSection } from './levels/LevelsSection';
import { MovementsSection } from './movements/MovementsSection';
import { parseStockPath, type StockPlace } from './paths';
import { PurchasingSection } from './purchasing/PurchasingSection';
import { ReplenishmentSection } from './replenishment/ReplenishmentSection';
import { StockTabs } from './StockTabs';
import { StockDataProvider } from './shared/StockData';
import { TransfersSection } from './transfers/TransfersSection';

/** The stock area; its sections are addressed by the sub-path (#/stock/…). */
export function StockArea() {
  const subPath = useSubPath();
  const place = parseStockPath(subPath);
  const content = useRef<HTMLDivElement>(null);
  const shown = useRef(subPath);
  useEffect(() => {
    if (shown.current === subPath) return;
    shown.current = subPath;
    // A new screen inside the area: focus goes there, as the main menu does for areas.
    content.current?.focus();
  }, [subPath]);
  return (
    <div className="stock-area stack">
      <StockTabs current={place.tab} />
      <div className="stock-content stack" ref={content} tabIndex={-1}>
        <StockDataProvider>
          <Section place={place} />
        </StockDataProvider>
      </div>
    </div>
  );
}

function Section({ place }: { place: StockPlace }) {
  const { tab, rest } = place;
  switch (tab) {
    case 'levels':
      return <LevelsSection rest={rest} />;
    case 'movements':
      return <MovementsSection />;
    case 'transfers':
      return <TransfersSection rest={rest} />;
    case 'counts':
      return <CountsSection rest={rest} />;
    case 'purchasing':
      return <PurchasingSection rest={rest} />;
    case 'replenishment':
      return <ReplenishmentSection />;
  }
}
