// An order's lines as staff pick them: what, where on the shelf, how many found, the line's state
// and note, and — while picking — the actions for a line still open.
import type { Order, OrderLine } from '@handla/api';
import { useT } from '@handla/ui';
import { useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import { lineName } from './LineForms';
import { LINE_STATE_LABEL } from './labels';

export type LinePanel = 'substitute' | 'remove' | 'ship';

export function OrderLines({
  order,
  busy,
  canWork,
  onPick,
  onPanel,
}: {
  order: Order;
  busy: boolean;
  /** The order is being picked: open lines get their actions. */
  canWork: boolean;
  onPick: (line: OrderLine) => void;
  onPanel: (kind: LinePanel, line: OrderLine) => void;
}) {
  const t = useT();
  const { setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  return (
    <table className="cart-lines order-lines">
      <caption className="visually-hidden">{t('pos.orders.work.lines')}</caption>
      <tbody>
        {order.lines.map((line) => (
          <tr key={line.id} data-line-sku={line.sku} className={`order-line is-${line.state}`}>
            <td>
              <strong>{line.productName}</strong>
              {line.variantName && <span> {line.variantName}</span>}
              <div className="muted small">
                {line.sku}
                {line.shelf && ` · ${t('pos.orders.line.shelf', { shelf: line.shelf })}`}
                {line.substitutesLineId && ` · ${t('pos.orders.line.substitutes')}`}
              </div>
              {line.note && <div className="small">{t('pos.orders.line.note', { note: line.note })}</div>}
            </td>
            <td className="number">
              {t('pos.orders.line.pickedOf', {
                picked: line.state === 'picked' ? line.quantity : line.pickedQuantity,
                quantity: line.quantity,
              })}
            </td>
            <td>
              <span className={`line-state line-state-${line.state}`}>{t(LINE_STATE_LABEL[line.state])}</span>
            </td>
            <td className="number">{formatAmount(line.lineTotal.amount)}</td>
            {canWork && (
              <td>
                {line.state === 'open' && (
                  <LineActions
                    line={line}
                    busy={busy}
                    onPick={() => onPick(line)}
                    onPanel={(kind) => onPanel(kind, line)}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LineActions({
  line,
  busy,
  onPick,
  onPanel,
}: {
  line: OrderLine;
  busy: boolean;
  onPick: () => void;
  onPanel: (kind: LinePanel) => void;
}) {
  const t = useT();
  const name = lineName(line);
  return (
    <div className="button-row" role="toolbar" aria-label={t('pos.orders.line.actions', { name })}>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        aria-label={t('pos.orders.line.pickLabel', { name })}
        onClick={onPick}
      >
        {t('pos.orders.line.pick')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onPanel('substitute')}>
        {t('pos.orders.line.substitute')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => onPanel('ship')}>
        {t('pos.orders.line.shipHome')}
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={busy}
        onClick={() => onPanel('remove')}
      >
        {t('pos.orders.line.remove')}
      </button>
    </div>
  );
}
