import type { PaymentAction } from '@handla/api';
import { useT } from '@handla/ui';
import { isPhone } from '../checkout/PaymentSection';

/** What the shopper still has to do to pay: approve in Swish (app or QR) or finish at the provider. */
export function PaymentActionPanel({ action }: { action: PaymentAction }) {
  const t = useT();
  if (action.kind === 'redirect') {
    return (
      <div className="card stack-tight">
        <p>{t('shop.order.finishPayment')}</p>
        <a className="button button-primary button-large button-block" href={action.url}>
          {t('shop.order.continuePayment')}
        </a>
      </div>
    );
  }
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(action.qrSvg)}`;
  return (
    <div className="card stack-tight swish-panel">
      <h2>{t('shop.order.swishHeading')}</h2>
      {isPhone() ? (
        <a className="button button-primary button-large button-block" href={action.appUrl}>
          {t('shop.order.openSwish')}
        </a>
      ) : (
        <>
          <p>{t('shop.order.scanSwish')}</p>
          <img className="qr" src={qrSrc} alt={t('shop.order.swishQrAlt')} width={240} height={240} />
        </>
      )}
      <p className="muted" aria-live="polite">
        {t('shop.order.waitingForPayment')}
      </p>
    </div>
  );
}
