// The words of each message in Swedish and English: subject, heading, opening paragraphs and the
// SMS text. `place` is the store and pickup time, or the delivery method, already formatted.
import type { MessageTemplateName, Order } from '@handla/api';
import { UNCOLLECTED_CANCEL_REASON } from '@handla/core';
import type { ShipmentNotice } from '../notifications.queue';
import { type Locale, money } from './format';
import { RETURNS_COPY } from './returns-copy';

/** What the layout needs besides the order: pickup/delivery wording, already localised. */
export interface Place {
  /** "Demo Butik Stockholm, Drottninggatan 1, 111 51 Stockholm" or the delivery method's name. */
  where: string;
  /** The pickup window in the store's time zone; empty for deliveries. */
  when: string;
}

export interface TemplateCopy {
  subject: (o: Order) => string;
  heading: (o: Order) => string;
  intro: (o: Order, p: Place) => string[];
  sms: (o: Order, p: Place) => string;
  /** Lines, totals and VAT: the full receipt of the order. */
  showLines: boolean;
  /** The pickup code as a QR image (pickup orders only). */
  showQr: boolean;
}

const isPickup = (o: Order) => o.fulfilment.kind === 'pickup';

type Line = Order['lines'][number];
const nameOf = (l: Line) => (l.variantName ? `${l.productName} (${l.variantName})` : l.productName);
const because = (l: Line) => (l.note ? ` (${l.note})` : '');

/** What the store changed, one sentence per line: removed, substituted or shipped home. */
function changesOf(o: Order, locale: Locale): string[] {
  const sv = locale === 'sv';
  return o.lines.flatMap((l) => {
    const name = `${l.quantity} × ${nameOf(l)}`;
    if (l.state === 'removed')
      return [sv ? `${name} utgår${because(l)}.` : `${name} is removed${because(l)}.`];
    if (l.state === 'shipping') {
      return [sv ? `${name} skickas hem till dig.` : `${name} will be sent to your home.`];
    }
    if (l.state !== 'substituted') return [];
    const by = o.lines.find((s) => s.id === l.substitutedBy);
    const instead = by ? `${by.quantity} × ${nameOf(by)}` : '';
    return [
      sv ? `${name} ersätts av ${instead}${because(l)}.` : `${name} is replaced by ${instead}${because(l)}.`,
    ];
  });
}

/** After an edit that raised a paid order: the difference to pay, with the link to pay it. */
function differenceOf(o: Order, locale: Locale): string[] {
  if (!o.amountToPay || o.amountToPay.amount <= 0) return [];
  const amount = money(o.amountToPay, locale);
  return [
    locale === 'sv'
      ? `Mellanskillnaden att betala är ${amount}. Betala den här: ${o.statusUrl}`
      : `The difference to pay is ${amount}. Pay it here: ${o.statusUrl}`,
  ];
}

/** The cancel reason in the shopper's language: the expiry job's is translated, staff's kept as typed. */
function reasonOf(o: Order, locale: Locale): string[] {
  if (!o.cancelReason) return [];
  if (o.cancelReason === UNCOLLECTED_CANCEL_REASON) {
    return [locale === 'sv' ? 'Den hämtades inte i tid.' : 'It was not collected in time.'];
  }
  return [locale === 'sv' ? `Orsak: ${o.cancelReason}` : `Reason: ${o.cancelReason}`];
}
/** The parcel an `order_shipped` message is about (stored beside the order by the shipping module). */
export function shipmentOf(o: Order): ShipmentNotice | undefined {
  return (o as Order & { shipment?: ShipmentNotice }).shipment;
}

/** The parcel's tracking number and link, and what is in it: one sentence each. */
function parcelOf(o: Order, locale: Locale): string[] {
  const s = shipmentOf(o);
  if (!s) return [];
  const sv = locale === 'sv';
  return [
    sv
      ? `Paketet har spårningsnummer ${s.trackingNumber} (${s.carrier}). Följ det här: ${s.trackingUrl}`
      : `The parcel's tracking number is ${s.trackingNumber} (${s.carrier}). Follow it here: ${s.trackingUrl}`,
    `${sv ? 'I paketet' : 'In the parcel'}: ${s.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}.`,
  ];
}
const trackingOf = (o: Order) => shipmentOf(o)?.trackingUrl ?? o.statusUrl;

const code = (o: Order, label: string) => (o.pickupCode ? ` ${label} ${o.pickupCode}.` : '');

export const COPY: Record<
  Exclude<MessageTemplateName, 'invoice_issued' | 'invoice_reminder'>,
  Record<Locale, TemplateCopy>
> = {
  order_confirmation: {
    sv: {
      subject: (o) => `Orderbekräftelse ${o.number}`,
      heading: (o) => `Tack för din beställning, ${o.customer.name}!`,
      intro: (o, p) =>
        isPickup(o)
          ? [`Vi har tagit emot order ${o.number}. Hämta den i ${p.where}, ${p.when}.`]
          : [`Vi har tagit emot order ${o.number}. Den skickas med ${p.where}.`],
      sms: (o, p) =>
        isPickup(o)
          ? `Tack för order ${o.number}! Hämta i ${p.where}, ${p.when}.${code(o, 'Kod:')} ${o.statusUrl}`
          : `Tack för order ${o.number}! Den skickas med ${p.where}. ${o.statusUrl}`,
      showLines: true,
      showQr: true,
    },
    en: {
      subject: (o) => `Order confirmation ${o.number}`,
      heading: (o) => `Thank you for your order, ${o.customer.name}!`,
      intro: (o, p) =>
        isPickup(o)
          ? [`We have received order ${o.number}. Pick it up at ${p.where}, ${p.when}.`]
          : [`We have received order ${o.number}. It will be sent with ${p.where}.`],
      sms: (o, p) =>
        isPickup(o)
          ? `Thanks for order ${o.number}! Pick up at ${p.where}, ${p.when}.${code(o, 'Code:')} ${o.statusUrl}`
          : `Thanks for order ${o.number}! It will be sent with ${p.where}. ${o.statusUrl}`,
      showLines: true,
      showQr: true,
    },
  },
  order_ready: {
    sv: {
      subject: (o) => `Order ${o.number} är klar att hämta`,
      heading: () => 'Din order är klar att hämta',
      intro: (o, p) => [
        `Order ${o.number} väntar på dig i ${p.where}.`,
        'Visa QR-koden eller hämtkoden i kassan.',
      ],
      sms: (o, p) => `Order ${o.number} är klar att hämta i ${p.where}.${code(o, 'Kod:')} ${o.statusUrl}`,
      showLines: false,
      showQr: true,
    },
    en: {
      subject: (o) => `Order ${o.number} is ready for pickup`,
      heading: () => 'Your order is ready for pickup',
      intro: (o, p) => [
        `Order ${o.number} is waiting for you at ${p.where}.`,
        'Show the QR code or the pickup code at the till.',
      ],
      sms: (o, p) => `Order ${o.number} is ready for pickup at ${p.where}.${code(o, 'Code:')} ${o.statusUrl}`,
      showLines: false,
      showQr: true,
    },
  },
  pickup_reminder: {
    sv: {
      subject: (o) => `Påminnelse: hämta order ${o.number}`,
      heading: () => 'Snart dags att hämta',
      intro: (o, p) => [`Välkommen att hämta order ${o.number} i ${p.where}, ${p.when}.`],
      sms: (o, p) => `Påminnelse: hämta order ${o.number} i ${p.where}, ${p.when}.${code(o, 'Kod:')}`,
      showLines: false,
      showQr: true,
    },
    en: {
      subject: (o) => `Reminder: pick up order ${o.number}`,
      heading: () => 'Time to pick up soon',
      intro: (o, p) => [`Welcome to pick up order ${o.number} at ${p.where}, ${p.when}.`],
      sms: (o, p) => `Reminder: pick up order ${o.number} at ${p.where}, ${p.when}.${code(o, 'Code:')}`,
      showLines: false,
      showQr: true,
    },
  },
  order_cancelled: {
    sv: {
      subject: (o) => `Order ${o.number} är avbeställd`,
      heading: () => 'Din order är avbeställd',
      intro: (o) => [
        `Order ${o.number} är avbeställd. Har du betalat återbetalas beloppet till samma betalsätt.`,
        ...reasonOf(o, 'sv'),
      ],
      sms: (o) => `Order ${o.number} är avbeställd. ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
    en: {
      subject: (o) => `Order ${o.number} has been cancelled`,
      heading: () => 'Your order has been cancelled',
      intro: (o) => [
        `Order ${o.number} has been cancelled. Anything you paid is refunded to the same payment method.`,
        ...reasonOf(o, 'en'),
      ],
      sms: (o) => `Order ${o.number} has been cancelled. ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
  },
  order_shipped: {
    sv: {
      subject: (o) => `Order ${o.number} är skickad`,
      heading: () => 'Din order är på väg',
      intro: (o, p) => [`Order ${o.number} är skickad med ${p.where}.`, ...parcelOf(o, 'sv')],
      sms: (o, p) => `Order ${o.number} är skickad med ${p.where}. Spåra: ${trackingOf(o)}`,
      showLines: true,
      showQr: false,
    },
    en: {
      subject: (o) => `Order ${o.number} has been shipped`,
      heading: () => 'Your order is on its way',
      intro: (o, p) => [`Order ${o.number} has been sent with ${p.where}.`, ...parcelOf(o, 'en')],
      sms: (o, p) => `Order ${o.number} has been sent with ${p.where}. Track: ${trackingOf(o)}`,
      showLines: true,
      showQr: false,
    },
  },
  order_changed: {
    sv: {
      subject: (o) => `Ändring i order ${o.number}`,
      heading: () => 'Vi har ändrat din order',
      intro: (o) => [
        `När vi plockade order ${o.number} fick vi ändra något:`,
        ...changesOf(o, 'sv'),
        `Du betalar bara för det du får: ${money(o.amountDue, 'sv')}.`,
        ...differenceOf(o, 'sv'),
      ],
      sms: (o) =>
        `Order ${o.number} har ändrats: ${changesOf(o, 'sv').length} rad(er). Att betala ${money(o.amountDue, 'sv')}. ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
    en: {
      subject: (o) => `A change to order ${o.number}`,
      heading: () => 'We changed your order',
      intro: (o) => [
        `While picking order ${o.number} we had to change something:`,
        ...changesOf(o, 'en'),
        `You only pay for what you get: ${money(o.amountDue, 'en')}.`,
        ...differenceOf(o, 'en'),
      ],
      sms: (o) =>
        `Order ${o.number} changed: ${changesOf(o, 'en').length} line(s). To pay ${money(o.amountDue, 'en')}. ${o.statusUrl}`,
      showLines: false,
      showQr: false,
    },
  },
  ...RETURNS_COPY,
};

/** Labels of the order details, shared by every mail. */
export const LABELS = {
  sv: {
    orderNumber: 'Ordernummer',
    store: 'Butik',
    pickupTime: 'Hämtas',
    asap: 'så snart den är klar',
    deliveryTo: 'Levereras till',
    shippingMethod: 'Leveranssätt',
    quantity: 'Antal',
    subtotal: 'Varor',
    shipping: 'Frakt',
    total: 'Totalt',
    vatOf: (rate: string, base: string) => `varav moms ${rate} (på ${base})`,
    pickupCode: 'Hämtkod',
    qrAlt: 'QR-kod med hämtkoden',
    viewOrder: 'Se din order',
    footer: 'Det här mejlet skickades automatiskt; svara gärna om du har frågor.',
  },
  en: {
    orderNumber: 'Order number',
    store: 'Store',
    pickupTime: 'Pickup',
    asap: 'as soon as it is ready',
    deliveryTo: 'Deliver to',
    shippingMethod: 'Delivery method',
    quantity: 'Qty',
    subtotal: 'Items',
    shipping: 'Shipping',
    total: 'Total',
    vatOf: (rate: string, base: string) => `incl. VAT ${rate} (on ${base})`,
    pickupCode: 'Pickup code',
    qrAlt: 'QR code with the pickup code',
    viewOrder: 'View your order',
    footer: 'This e-mail was sent automatically; reply if you have any questions.',
  },
} as const;
