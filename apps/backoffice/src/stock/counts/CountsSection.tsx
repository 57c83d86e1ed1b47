import { CountList } from './CountList';
import { CountSheet } from './CountSheet';
import { OpenCountForm } from './OpenCountForm';

/** #/stock/counts, …/new, …/<id>. */
export function CountsSection({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'new') return <OpenCountForm />;
  if (first) return <CountSheet key={first} id={first} />;
  return <CountList />;
}
