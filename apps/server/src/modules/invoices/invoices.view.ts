// Invoice rows as the API shows them: the balance and whether it is overdue, computed on read.
import type { Invoice, InvoicePayment, InvoiceSummary } from '@handla/api';
import { invoiceBalance, isInvoiceOpen } from '@handla/core';
import type * as store from './invoices.store';

export function viewInvoiceSummary(row: store.InvoiceRow, today: string): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    ocr: row.ocr,
    state: row.state,
    customerId: row.customerId,
    buyerName: row.buyer.name,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    currency: row.currency,
    totalInclVat: row.totalInclVat,
    feesAmount: row.feesAmount,
    paidAmount: row.paidAmount,
    creditedAmount: row.creditedAmount,
    balance: invoiceBalance(row),
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    isOverdue: isInvoiceOpen(row.state) && row.dueDate < today,
    isOverCreditLimit: row.isOverCreditLimit,
    reminderCount: row.reminderCount,
  };
}

export function viewPayment(p: store.PaymentRow): InvoicePayment {
  return { ...p, createdAt: p.createdAt.toISOString() };
}

export function viewInvoice(row: store.InvoiceRow, payments: store.PaymentRow[], today: string): Invoice {
  return {
    ...viewInvoiceSummary(row, today),
    buyer: row.buyer,
    lines: row.lines,
    vat: row.vat,
    vatAmount: row.vatAmount,
    lastRemindedOn: row.lastRemindedOn,
    payments: payments.map(viewPayment),
    pdfUrl: `/api/invoices/${row.id}/pdf`,
  };
}
