// Counting the drawer at closing: per currency either notes and coins per denomination or one
// typed amount, with expected, counted and the difference shown as the cashier counts.
import { useT } from '@handla/ui';
import { useState } from 'react';
import {
  type CountResult,
  compareCount,
  type DenominationCount,
  denominationsOf,
  parseCountedAmount,
  totalOfCount,
} from './cash-count';
import { useFormatMoney } from './use-cash';

interface CurrencyCount {
  mode: 'pieces' | 'amount';
  pieces: Record<number, string>;
  amountText: string;
}

const emptyCount = (): CurrencyCount => ({ mode: 'pieces', pieces: {}, amountText: '' });

function countedOf(currency: string, count: CurrencyCount): number | null {
  if (count.mode === 'amount')
    return count.amountText.trim() ? parseCountedAmount(count.amountText, currency) : 0;
  const pieces: DenominationCount = Object.fromEntries(
    Object.entries(count.pieces)
      .filter(([, text]) => text.trim() !== '')
      .map(([value, text]) => [value, Number(text)]),
  );
  return totalOfCount(currency, pieces);
}

export function CashCountForm({
  expected,
  onCounted,
  onCancel,
}: {
  /** What the journal says the drawer holds, per currency. */
  expected: Record<string, number>;
  onCounted: (results: CountResult[]) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const formatMoney = useFormatMoney();
  const currencies = Object.keys(expected);
  const [counts, setCounts] = useState<Record<string, CurrencyCount>>({});
  const countOf = (c: string) => counts[c] ?? emptyCount();
  const update = (c: string, change: Partial<CurrencyCount>) =>
    setCounts({ ...counts, [c]: { ...countOf(c), ...change } });
  const results = currencies.map((c) => {
    const counted = countedOf(c, countOf(c));
    return counted === null ? null : compareCount(c, counted, expected[c] ?? null);
  });
  const isValid = results.every((r) => r !== null);

  return (
    <div className="stack">
      {currencies.map((currency, i) => {
        const count = countOf(currency);
        const result = results[i];
        return (
          <fieldset key={currency} className="stack">
            <legend>{t('pos.cash.count.currency', { currency })}</legend>
            <label>
              <input
                type="checkbox"
                checked={count.mode === 'amount'}
                onChange={(e) => update(currency, { mode: e.target.checked ? 'amount' : 'pieces' })}
              />{' '}
              {t('pos.cash.count.byAmount')}
            </label>
            {count.mode === 'amount' ? (
              <label className="field">
                <span>{t('pos.cash.amount')}</span>
                <input
                  inputMode="decimal"
                  value={count.amountText}
                  onChange={(e) => update(currency, { amountText: e.target.value })}
                />
              </label>
            ) : (
              <div className="cash-denominations">
                {denominationsOf(currency).map((value) => (
                  <label key={value} className="field">
                    <span>{formatMoney(value, currency)}</span>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      value={count.pieces[value] ?? ''}
                      onChange={(e) =>
                        update(currency, { pieces: { ...count.pieces, [value]: e.target.value } })
                      }
                    />
                  </label>
                ))}
              </div>
            )}
            {result ? (
              <dl className="totals">
                <div>
                  <dt>{t('pos.cash.count.expected')}</dt>
                  <dd>{result.expected === null ? '–' : formatMoney(result.expected, currency)}</dd>
                </div>
                <div>
                  <dt>{t('pos.cash.count.counted')}</dt>
                  <dd>{formatMoney(result.counted, currency)}</dd>
                </div>
                <div className="totals-total">
                  <dt>{t('pos.cash.count.difference')}</dt>
                  <dd>{result.difference === null ? '–' : formatMoney(result.difference, currency)}</dd>
                </div>
              </dl>
            ) : (
              <p className="notice notice-warning" role="alert">
                {t('pos.cash.count.invalid')}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className="button-row">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('pos.cash.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!isValid}
          onClick={() => onCounted(results.filter((r): r is CountResult => r !== null))}
        >
          {t('pos.cash.count.done')}
        </button>
      </div>
    </div>
  );
}
