// The words of each message in Swedish and English: subject, heading, opening paragraphs and the
// SMS text. `place` is the store and pickup time, or the delivery method, already formatted.
import type { MessageTemplateName, Order } from '@handla/api';
import type { Locale } from './format';

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
const code = (o: Order, label: string) => (o.pickupCode ? ` ${label} ${o.pickupCode}.` : '');

export const COPY: Record<MessageTemplateName, Record<Locale, TemplateCopy>> = {
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
      intro: (o, p) => [`Order ${o.number} är skickad med ${p.where}.`],
      sms: (o, p) => `Order ${o.number} är skickad med ${p.where}. ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
    en: {
      subject: (o) => `Order ${o.number} has been shipped`,
      heading: () => 'Your order is on its way',
      intro: (o, p) => [`Order ${o.number} has been sent with ${p.where}.`],
      sms: (o, p) => `Order ${o.number} has been sent with ${p.where}. ${o.statusUrl}`,
      showLines: true,
      showQr: false,
    },
  },
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
