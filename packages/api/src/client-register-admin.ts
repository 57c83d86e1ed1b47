// The back office's register calls: the register list, printing from the office, stored X/Z
// reports, sales per register and the SAF-T export. Pairing, settings, receipts and the journal
// check are in client-register.ts. Types only, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type { DayReportDto, PrintResult, RegisterSummary } from './register';

const reg = (id: string) => `/api/registers/${encodeURIComponent(id)}`;

/** A stored X or Z report as `GET /api/registers/:id/reports` lists it. */
export interface StoredRegisterReport {
  reportId: string;
  kind: 'x' | 'z';
  /** The Z report's number; null on an X report. */
  number: number | null;
  sequence: number;
  at: string;
  cashierId: string | null;
  cashCount: { currency: string; counted: number; expected: number | null; difference: number | null }[];
  /** The figures (core `DayReport`). */
  report: DayReportDto;
}

/** Sales, returns (negative), net in minor units and the receipt count. */
export interface RegisterSalesFigures {
  sales: number;
  returns: number;
  net: number;
  receipts: number;
}

/** `GET /api/reports/registers`: figures per register and in total. */
export interface RegisterSalesReport {
  registers: ({
    registerId: string;
    registerCode: string;
    storeId: string;
    storeName: string;
  } & RegisterSalesFigures)[];
  total: RegisterSalesFigures;
}

/** The register admin client (staff calls). */
export function createRegisterAdminClient(transport: Transport) {
  return {
    /** GET /api/registers: the registers the signed-in staff may see, with their pairing state. */
    list: () => transport.request<{ items: RegisterSummary[] }>('GET', '/api/registers'),
    /** POST /api/receipts/:id/print: print on the register's printer (the original once; managers). */
    print: (receiptId: string) =>
      transport.request<PrintResult>('POST', `/api/receipts/${encodeURIComponent(receiptId)}/print`, {}),
    /** GET /api/registers/:id/reports?kind=: the register's stored reports, newest first (managers). */
    reports: (registerId: string, kind?: 'x' | 'z') =>
      transport.request<{ items: StoredRegisterReport[] }>(
        'GET',
        `${reg(registerId)}/reports${queryString({ kind })}`,
      ),
    /** GET /api/reports/registers?from=&to=: sales per register for [from, to), ISO instants (managers). */
    salesByRegister: (period: { from: string; to: string }) =>
      transport.request<RegisterSalesReport>('GET', `/api/reports/registers${queryString({ ...period })}`),
    /** The URL of the register's SAF-T Cash Register XML for calendar days from–to ("YYYY-MM-DD"). */
    saftUrl: (registerId: string, period: { from: string; to: string }) =>
      transport.url(`${reg(registerId)}/saft${queryString({ ...period })}`),
  };
}
