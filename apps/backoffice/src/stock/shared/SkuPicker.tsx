import { ApiError, type SkuSummary } from '@handla/api';
import { ErrorNotice, useDebouncedValue, useLoader, useT } from '@handla/ui';
import { type KeyboardEvent, type Ref, useCallback, useId, useRef, useState } from 'react';
import { useSkuName } from './SkuLabel';
import { useStockData } from './StockData';
import { useStockApi } from './useStockApi';

/**
 * Finds a SKU for a line: typing searches names, article numbers and EANs; Enter (what a barcode
 * scanner sends after the code) takes the SKU with exactly that code, or the only match. The field
 * is emptied and keeps focus after a pick, so the next code can follow at once.
 */
export function SkuPicker({
  label,
  onPick,
  inputRef,
  hint,
}: {
  label: string;
  onPick: (sku: SkuSummary) => void;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
}) {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { skus } = useStockData();
  const skuName = useSkuName();
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const list = useRef<HTMLUListElement>(null);
  const q = useDebouncedValue(text.trim(), 250);
  const results = useLoader(
    useCallback(async () => (q ? (await stock.searchSkus(q, 8)).items : []), [stock, q]),
  );
  const matches = text.trim() && q === text.trim() ? (results.data ?? []) : [];

  function pick(sku: SkuSummary) {
    skus.remember([sku]);
    setText('');
    setNotFound(null);
    onPick(sku);
  }

  async function pickExact() {
    const code = text.trim();
    if (!code) return;
    setLookupError(null);
    try {
      pick(await stock.lookupSku(code));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) return setLookupError(e);
      const only = q === code && matches.length === 1 ? matches[0] : undefined;
      if (only) pick(only);
      else setNotFound(code);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void pickExact();
    } else if (event.key === 'ArrowDown') {
      const first = list.current?.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    <div className="stock-picker field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        autoComplete="off"
        enterKeyHint="enter"
        placeholder={hint ?? t('stockAdmin.picker.hint')}
        aria-describedby={notFound ? `${id}-missing` : undefined}
        aria-invalid={notFound ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setNotFound(null);
        }}
        onKeyDown={onKeyDown}
      />
      {notFound && (
        <p id={`${id}-missing`} className="notice notice-error" role="alert">
          {t('stockAdmin.picker.notFound', { code: notFound })}
        </p>
      )}
      {lookupError !== null && <ErrorNotice error={lookupError} />}
      <p className="visually-hidden" role="status">
        {text.trim() && results.data ? t('stockAdmin.picker.matches', { count: matches.length }) : ''}
      </p>
      {matches.length > 0 && (
        <ul className="stock-picker-results plain-list" ref={list} onKeyDown={onListKeyDown}>
          {matches.map((sku) => (
            <li key={sku.id}>
              <button type="button" className="stock-picker-result" onClick={() => pick(sku)}>
                <code>{sku.sku}</code> <span>{skuName(sku)}</span>
                {sku.ean && <span className="muted"> · {sku.ean}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
