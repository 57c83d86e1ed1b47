import { NewPurchaseOrderForm } from './NewPurchaseOrderForm';
import { PurchaseOrderList } from './PurchaseOrderList';
import { PurchaseOrderPage } from './PurchaseOrderPage';
import { SuppliersPage } from './SuppliersPage';

/** #/stock/purchasing, …/new, …/suppliers, …/<purchase order id>. */
export function PurchasingSection({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'new') return <NewPurchaseOrderForm />;
  if (first === 'suppliers') return <SuppliersPage />;
  if (first) return <PurchaseOrderPage key={first} id={first} />;
  return <PurchaseOrderList />;
}
