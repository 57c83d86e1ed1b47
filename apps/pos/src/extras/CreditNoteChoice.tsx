// On a return: refund as a credit note ("tillgodokvitto") instead of the original means of payment,
// when the cashier chooses it. The code is made here so it prints on the return receipt at once.
import { useT } from '@handla/ui';
import { newVoucherCode } from './credit-note';

export function CreditNoteChoice({
  code,
  onChange,
}: {
  /** The credit note's code when chosen; null refunds to the original method. */
  code: string | null;
  onChange: (code: string | null) => void;
}) {
  const t = useT();
  return (
    <div className="stack credit-note-choice">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={code !== null}
          onChange={(e) => onChange(e.target.checked ? newVoucherCode() : null)}
        />
        {t('pos.extras.voucher.refund')}
      </label>
      {code !== null && <p role="status">{t('pos.extras.voucher.refundNote', { code })}</p>}
    </div>
  );
}
