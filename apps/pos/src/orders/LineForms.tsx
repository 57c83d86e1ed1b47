// What to do with a line that is not on the shelf: substitute another SKU (searched or scanned in
// the register's cached catalog) or remove it; ShipHomeForm sends it from another location.
import type { OrderLine, RegisterCatalogItem } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useFormatAmount } from '../format';
import { findSkuByCode, searchSkus } from '../offline/db';
import { useRegister } from '../register-context';

export const lineName = (line: OrderLine) =>
  line.variantName ? `${line.productName} ${line.variantName}` : line.productName;

/** What each line form gets: the line, whether an action is running, and what to do with the input. */
export interface LineFormProps<Body> {
  line: OrderLine;
  busy: boolean;
  onSubmit: (body: Body) => void;
  onCancel: () => void;
}

/** A panel form: heading, Escape or Cancel to close, focus on its first field when it opens. */
export function LineForm({
  heading,
  busy,
  problem = null,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  heading: string;
  busy: boolean;
  /** What is missing before the form can be sent. */
  problem?: string | null;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus(), []);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form ref={formRef} className="card stack line-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NoteField({
  label,
  note,
  onChange,
}: {
  label: string;
  note: string;
  onChange: (note: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea value={note} onChange={(e) => onChange(e.target.value)} required maxLength={300} rows={2} />
    </label>
  );
}

export function SubstituteForm({
  line,
  busy,
  onSubmit,
  onCancel,
}: LineFormProps<{ skuId: string; quantity: number; note: string }>) {
  const t = useT();
  const { locale } = useLocale();
  const { db, setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<RegisterCatalogItem[]>([]);
  const [searched, setSearched] = useState<string | null>(null);
  const [chosen, setChosen] = useState<RegisterCatalogItem | null>(null);
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const itemName = (item: RegisterCatalogItem) =>
    `${locale === 'sv' ? item.name.sv : item.name.en || item.name.sv} ${Object.values(item.options).join(' / ')}`.trim();

  // Enter in the search field (a person's, or the scanner's) searches; an exact code is chosen.
  async function search() {
    const text = query.trim();
    if (!text) return;
    const exact = await findSkuByCode(db, text);
    const found = exact ? [exact] : (await searchSkus(db, text, 20)).filter((i) => i.skuId !== line.skuId);
    setResults(found);
    setSearched(text);
    if (found.length === 1) setChosen(found[0]!);
  }

  function submit() {
    const count = Number(quantity);
    if (!chosen) return setProblem(t('pos.orders.substitute.chooseFirst'));
    if (!Number.isInteger(count) || count < 1) return setProblem(t('pos.orders.substitute.quantity'));
    setProblem(null);
    onSubmit({ skuId: chosen.skuId, quantity: count, note: note.trim() });
  }

  return (
    <LineForm
      heading={t('pos.orders.substitute.heading', { name: lineName(line) })}
      busy={busy}
      problem={problem}
      submitLabel={t('pos.orders.substitute.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label className="field">
        <span>{t('pos.orders.substitute.search')}</span>
        <input
          type="search"
          data-scan-field=""
          value={query}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches instead of submitting the substitution.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void search();
          }}
        />
      </label>
      {searched !== null && results.length === 0 && (
        <p role="status">{t('pos.orders.substitute.noMatch', { query: searched })}</p>
      )}
      {results.length > 0 && (
        <ul className="search-results" aria-label={t('pos.orders.substitute.results')}>
          {results.map((item) => (
            <li key={item.skuId}>
              <button
                type="button"
                className={
                  chosen?.skuId === item.skuId
                    ? 'button button-primary search-result'
                    : 'button search-result'
                }
                aria-pressed={chosen?.skuId === item.skuId}
                onClick={() => setChosen(item)}
              >
                <span>
                  {itemName(item)} <span className="small">{item.sku}</span>
                </span>
                <strong>{formatAmount(item.unitPriceInclVat)}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{chosen && t('pos.orders.substitute.chosen', { name: itemName(chosen) })}</p>
      <p className="muted small">{t('pos.orders.substitute.priceRule')}</p>
      <label className="field">
        <span>{t('pos.orders.substitute.quantity')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={9999}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          required
        />
      </label>
      <NoteField label={t('pos.orders.substitute.note')} note={note} onChange={setNote} />
    </LineForm>
  );
}

export function RemoveLineForm({ line, busy, onSubmit, onCancel }: LineFormProps<string>) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <LineForm
      heading={t('pos.orders.remove.heading', { name: lineName(line) })}
      busy={busy}
      submitLabel={t('pos.orders.remove.submit')}
      onSubmit={() => onSubmit(note.trim())}
      onCancel={onCancel}
    >
      <p className="muted">{t('pos.orders.remove.effect')}</p>
      <NoteField label={t('pos.orders.remove.note')} note={note} onChange={setNote} />
    </LineForm>
  );
}
