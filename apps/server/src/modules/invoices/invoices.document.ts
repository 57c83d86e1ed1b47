// What an invoice document shows — the seller with its bank details, the buyer, numbers, dates,
// lines, VAT per rate and what is left to pay — as one snapshot that the PDF and the mails render.
import type { InvoiceBuyer, InvoiceLine, InvoiceSettings } from '@handla/api';
import { formatMoney, type InvoiceVatRate, invoiceBalance } from '@handla/core';
import type { Queryable } from '@handla/db';
import * as store from './invoices.store';

export interface InvoiceDocument {
  seller: {
    name: string;
    orgNumber: string;
    vatNumber: string;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    email: string | null;
    bankgiro: string | null;
    iban: string | null;
    bic: string | null;
  };
  invoiceId: string;
  invoiceNumber: number;
  ocr: string;
  issueDate: string;
  dueDate: string;
  locale: 'sv' | 'en';
  currency: string;
  buyer: InvoiceBuyer;
  lines: InvoiceLine[];
  vat: InvoiceVatRate[];
  totalInclVat: number;
  vatAmount: number;
  feesAmount: number;
  paidAmount: number;
  creditedAmount: number;
  /** What is left to pay now. */
  balance: number;
  reminderCount: number;
}

export function invoiceDocumentOf(
  row: store.InvoiceRow,
  seller: store.SellerRow,
  settings: InvoiceSettings,
): InvoiceDocument {
  return {
    seller: {
      name: seller.name,
      orgNumber: seller.orgNumber,
      vatNumber: seller.vatNumber,
      street: settings.street,
      postalCode: settings.postalCode,
      city: settings.city,
      email: settings.email,
      bankgiro: settings.bankgiro,
      iban: settings.iban,
      bic: settings.bic,
    },
    invoiceId: row.id,
    invoiceNumber: row.number,
    ocr: row.ocr,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    locale: row.locale,
    currency: row.currency,
    buyer: row.buyer,
    lines: row.lines,
    vat: row.vat,
    totalInclVat: row.totalInclVat,
    vatAmount: row.vatAmount,
    feesAmount: row.feesAmount,
    paidAmount: row.paidAmount,
    creditedAmount: row.creditedAmount,
    balance: invoiceBalance(row),
    reminderCount: row.reminderCount,
  };
}

export async function loadInvoiceDocument(q: Queryable, row: store.InvoiceRow): Promise<InvoiceDocument> {
  const [seller, settings] = await Promise.all([
    store.findSeller(q, row.companyId),
    store.findSettings(q, row.companyId),
  ]);
  return invoiceDocumentOf(row, seller, settings);
}

/** "1 234,50 kr" with plain spaces and hyphen-minus, which every PDF font and mail client shows. */
export function kronor(amount: number, currency: string): string {
  return formatMoney({ amount, currency }, 'sv-SE')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace('\u2212', '-');
}

/** The document's labels in the invoice's language. */
export const INVOICE_LABELS = {
  sv: {
    invoice: 'Faktura',
    reminder: 'Påminnelse',
    number: 'Fakturanummer',
    ocr: 'OCR-nummer',
    issueDate: 'Fakturadatum',
    dueDate: 'Förfallodatum',
    buyer: 'Köpare',
    orgNumber: 'Org.nr',
    vatNumber: 'Momsreg.nr',
    description: 'Beskrivning',
    quantity: 'Antal',
    unitPrice: 'À-pris',
    amount: 'Belopp',
    vatOf: (rate: string, gross: string) => `Moms ${rate} (på ${gross})`,
    total: 'Summa inkl. moms',
    vatTotal: 'varav moms',
    fees: 'Påminnelseavgift',
    paid: 'Betalt',
    credited: 'Krediterat',
    toPay: 'Att betala',
    payTo: 'Betala till',
    bankgiro: 'Bankgiro',
    iban: 'IBAN',
    bic: 'BIC',
    payWithOcr: 'Ange OCR-numret som referens vid betalning.',
  },
  en: {
    invoice: 'Invoice',
    reminder: 'Reminder',
    number: 'Invoice number',
    ocr: 'OCR reference',
    issueDate: 'Invoice date',
    dueDate: 'Due date',
    buyer: 'Buyer',
    orgNumber: 'Org. no.',
    vatNumber: 'VAT no.',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    vatOf: (rate: string, gross: string) => `VAT ${rate} (of ${gross})`,
    total: 'Total incl. VAT',
    vatTotal: 'of which VAT',
    fees: 'Reminder fee',
    paid: 'Paid',
    credited: 'Credited',
    toPay: 'To pay',
    payTo: 'Pay to',
    bankgiro: 'Bankgiro',
    iban: 'IBAN',
    bic: 'BIC',
    payWithOcr: 'Give the OCR reference when you pay.',
  },
} as const;

export const vatPercent = (vatRateBp: number) => `${vatRateBp / 100} %`;
