import { NewTransferForm } from './NewTransferForm';
import { TransferList } from './TransferList';
import { TransferPage } from './TransferPage';

/** #/stock/transfers, …/new, …/<id>. */
export function TransfersSection({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'new') return <NewTransferForm />;
  if (first) return <TransferPage key={first} id={first} />;
  return <TransferList />;
}
