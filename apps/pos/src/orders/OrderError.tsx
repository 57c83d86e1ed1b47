// A refused order action in words: who holds the lock for 409 order_locked, otherwise the
// server's explanation (the order moved on elsewhere) and the fields it named.
import { ApiError, type Order } from '@handla/api';
import { describeError, useT } from '@handla/ui';

export function OrderError({ error, order }: { error: unknown; order: Order }) {
  const t = useT();
  const problem = error instanceof ApiError ? error.problem : null;
  let { message, fieldErrors } = describeError(error, t);
  if (problem?.code === 'order_locked') {
    const name = order.lockedBy?.name;
    message = name ? t('pos.orders.error.locked', { name }) : t('pos.orders.error.lockedUnknown');
    // The server's field error only repeats who holds the lock.
    fieldErrors = [];
  }
  return (
    <div className="notice notice-error" role="alert" data-error-code={problem?.code}>
      <p>{message}</p>
      {problem?.detail && <p>{t('pos.orders.error.detail', { detail: problem.detail })}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
