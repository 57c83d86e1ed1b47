import { stockHref } from '../paths';

/** A movement's reference; transfers, counts and purchase orders link to their document. */
export function Reference({ reference }: { reference: string | null }) {
  if (!reference) return <>–</>;
  const tab = reference.startsWith('trf_')
    ? 'transfers'
    : reference.startsWith('cnt_')
      ? 'counts'
      : reference.startsWith('po_')
        ? 'purchasing'
        : null;
  if (!tab) return <span>{reference}</span>;
  return (
    <a href={stockHref(tab, reference)}>
      <code>{reference}</code>
    </a>
  );
}
