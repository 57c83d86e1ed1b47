// The invoices area of the typed client: lists and details, payments by hand, BgMax imports,
// settings. Types only from the contract file, so browser bundles stay free of zod.
import type { Transport } from './client';
import type {
  BankFileImport,
  CreateInvoiceBody,
  Invoice,
  InvoiceList,
  InvoiceListQuery,
  InvoicePayment,
  InvoiceSettings,
  RegisterInvoicePaymentBody,
} from './invoices';

export function createInvoicesClient({ request, upload, url }: Transport) {
  const enc = encodeURIComponent;
  return {
    list: (query: Partial<InvoiceListQuery> = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) params.set(key, String(value));
      return request<InvoiceList>('GET', `/api/invoices?${params}`);
    },
    get: (id: string) => request<Invoice>('GET', `/api/invoices/${enc(id)}`),
    pdfUrl: (id: string) => url(`/api/invoices/${enc(id)}/pdf`),
    create: (body: CreateInvoiceBody) => request<Invoice>('POST', '/api/invoices', body),
    /** POST …/payments: a repeated `paymentId` records nothing new. */
    registerPayment: (id: string, body: RegisterInvoicePaymentBody) =>
      request<Invoice>('POST', `/api/invoices/${enc(id)}/payments`, body),
    /** POST the BgMax file's text; the same file again changes nothing. */
    importBankFile: (text: string) => upload<BankFileImport>('/api/invoices/bank-files', text, 'text/plain'),
    unmatched: () => request<{ items: InvoicePayment[] }>('GET', '/api/invoices/unmatched-payments'),
    settings: () => request<InvoiceSettings>('GET', '/api/invoices/settings'),
    saveSettings: (body: InvoiceSettings) => request<InvoiceSettings>('PUT', '/api/invoices/settings', body),
  };
}
