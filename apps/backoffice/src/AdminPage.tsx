import { type ComponentType, useEffect, useRef } from 'react';
import { AccountingArea } from './accounting/AccountingArea';
import { ApiKeysPage } from './api-keys/ApiKeysPage';
import { CatalogArea } from './catalog/CatalogArea';
import { CustomersArea } from './customers/CustomersArea';
import { ErpArea } from './erp/ErpArea';
import { FulfilmentArea } from './fulfilment/FulfilmentArea';
import { IntegrationsArea } from './integrations/IntegrationsArea';
import { InvoicesArea } from './invoices/InvoicesArea';
import { MessagesPage } from './messages/MessagesPage';
import { OrdersArea } from './orders/OrdersArea';
import { EventsPage } from './pages/EventsPage';
import { OverviewPage } from './pages/OverviewPage';
import { StaffPage } from './pages/StaffPage';
import { StoresPage } from './pages/StoresPage';
import { PickupArea } from './pickup/PickupArea';
import { PromotionsArea } from './promotions/PromotionsArea';
import { RegistersArea } from './registers/RegistersArea';
import { ReportsArea } from './reports/ReportsArea';
import { ReturnsArea } from './returns/ReturnsArea';
import type { RoutePath } from './routes';
import { ShipmentsArea } from './shipping/ShipmentsArea';
import { ShopsArea } from './shops/ShopsArea';
import { StockArea } from './stock/StockArea';
import { WebhooksArea } from './webhooks/WebhooksArea';

const PAGES: Record<RoutePath, ComponentType> = {
  '/': OverviewPage,
  '/catalog': CatalogArea,
  '/stock': StockArea,
  '/pickup': PickupArea,
  '/messages': MessagesPage,
  '/registers': RegistersArea,
  '/stores': StoresPage,
  '/staff': StaffPage,
  '/api-keys': ApiKeysPage,
  '/webhooks': WebhooksArea,
  '/reports': ReportsArea,
  '/customers': CustomersArea,
  '/promotions': PromotionsArea,
  '/returns': ReturnsArea,
  '/shipments': ShipmentsArea,
  '/fulfilment': FulfilmentArea,
  '/orders': OrdersArea,
  '/events': EventsPage,
  '/accounting': AccountingArea,
  '/invoices': InvoicesArea,
  '/shops': ShopsArea,
  '/integrations': IntegrationsArea,
  '/erp': ErpArea,
};

/** The current page inside <main>; after navigating, focus moves there so screen readers follow. */
export function AdminPage({ route }: { route: RoutePath }) {
  const main = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    main.current?.focus();
  }, [route]);
  const Page = PAGES[route];
  return (
    <main className="page stack admin-main" ref={main} tabIndex={-1}>
      <Page />
    </main>
  );
}
