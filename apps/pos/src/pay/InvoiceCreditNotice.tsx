// What the cashier is told about the customer's credit in the invoice form: offline (not checked,
// taken anyway), no answer (press again to take it), over the limit (the limit and what is left).
import { ErrorNotice, useT } from '@handla/ui';
import { useFormatAmount } from '../format';
import type { InvoiceCreditDecision } from './invoice-credit';

export function InvoiceCreditNotice({
  decision,
  isChecking,
  isOnline,
  currency,
}: {
  decision: InvoiceCreditDecision | null;
  isChecking: boolean;
  isOnline: boolean;
  currency: string;
}) {
  const t = useT();
  const formatAmount = useFormatAmount(currency);
  if (isChecking) return <p role="status">{t('pos.extras.invoiceCredit.checking')}</p>;
  if (!isOnline) {
    return (
      <p className="notice notice-warning" role="status">
        {t('pos.extras.invoiceCredit.offline')}
      </p>
    );
  }
  if (!decision) return null;
  if (decision.kind === 'error') return <ErrorNotice error={decision.error} />;
  if (decision.kind === 'take_unchecked') {
    return (
      <p className="notice notice-warning" role="alert">
        {t('pos.extras.invoiceCredit.unreachable', { button: t('pos.pay.add') })}
      </p>
    );
  }
  if (decision.kind !== 'refuse') return null;
  const { creditLimit, headroom } = decision;
  const message = decision.hasNoCredit
    ? t('pos.extras.invoiceCredit.noCredit')
    : creditLimit === null || headroom === null
      ? t('pos.extras.invoiceCredit.exceededUnknown')
      : headroom > 0
        ? t('pos.extras.invoiceCredit.exceeded', {
            limit: formatAmount(creditLimit),
            headroom: formatAmount(headroom),
          })
        : t('pos.extras.invoiceCredit.exceededNoHeadroom', { limit: formatAmount(creditLimit) });
  return (
    <p className="notice notice-error" role="alert" data-testid="invoice-credit-refused">
      {message}
    </p>
  );
}
