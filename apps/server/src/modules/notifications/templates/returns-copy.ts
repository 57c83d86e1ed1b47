// The words of the return and drop-shipping messages. A supplier order's mail is rendered from the
// order as the supplier may see it: only the supplier's lines, `statusUrl` = the confirmation link.
import type { Order } from '@handla/api';
import type { TemplateCopy } from './copy';
import type { Locale } from './format';
import { money } from './format';

type ReturnsTemplate = 'return_requested' | 'return_refunded' | 'supplier_order';

const refunded = (o: Order, locale: Locale) => money(o.payment.refunded, locale);

export const RETURNS_COPY: Record<ReturnsTemplate, Record<Locale, TemplateCopy>> = {
  return_requested: {
    sv: {
      subject: (o) => `Returanmälan för order ${o.number}`,
      heading: () => 'Vi har tagit emot din returanmälan',
      intro: (o) => [
        `Returnummer och adress för paketet finns på sidan för order ${o.number}: ${o.statusUrl}`,
        'Pengarna betalas tillbaka när vi har tagit emot och kontrollerat varorna.',
      ],
      sms: (o) => `Returanmälan för order ${o.number} mottagen. Returnummer och adress: ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
    en: {
      subject: (o) => `Return request for order ${o.number}`,
      heading: () => 'We have received your return request',
      intro: (o) => [
        `The return number and where to send the parcel are on the page of order ${o.number}: ${o.statusUrl}`,
        'We refund you once we have received and checked the items.',
      ],
      sms: (o) => `Return request for order ${o.number} received. Return number and address: ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
  },
  return_refunded: {
    sv: {
      subject: (o) => `Retur av order ${o.number} återbetald`,
      heading: () => 'Din retur är återbetald',
      intro: (o) => [
        `Vi har tagit emot returen. Totalt återbetalt för order ${o.number}: ${refunded(o, 'sv')}.`,
      ],
      sms: (o) => `Returen av order ${o.number} är återbetald: totalt ${refunded(o, 'sv')}. ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
    en: {
      subject: (o) => `Return of order ${o.number} refunded`,
      heading: () => 'Your return has been refunded',
      intro: (o) => [
        `We have received the return. Refunded in total for order ${o.number}: ${refunded(o, 'en')}.`,
      ],
      sms: (o) =>
        `The return of order ${o.number} is refunded: ${refunded(o, 'en')} in total. ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
  },
  supplier_order: {
    sv: {
      subject: (o) => `Leveransorder för order ${o.number}`,
      heading: () => 'Ny leveransorder',
      intro: (o) => [
        `Skicka raderna nedan direkt till kunden (order ${o.number}). Följesedel som PDF och bekräftelse med spårningsnummer: ${o.statusUrl}`,
      ],
      sms: (o) => `Leveransorder ${o.number}: ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
    en: {
      subject: (o) => `Supplier order for order ${o.number}`,
      heading: () => 'New supplier order',
      intro: (o) => [
        `Ship the lines below straight to the customer (order ${o.number}). Packing slip PDF and confirmation with the tracking number: ${o.statusUrl}`,
      ],
      sms: (o) => `Supplier order ${o.number}: ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
  },
};
