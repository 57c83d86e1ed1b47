// The register's report calls (`Authorization: Device <token>`): the X report since the last Z, the
// stored reports, and printing one on the register's printer. Errors are the shared `ApiError`.
import { ApiError, type Problem } from '@handla/api';
import type { DayReport } from '@handla/core';

/** A stored X or Z report as `GET /api/registers/:id/reports` returns it. */
export interface StoredReport {
  reportId: string;
  kind: 'x' | 'z';
  number: number | null;
  sequence: number;
  at: string;
  cashierId: string | null;
  cashCount: { currency: string; counted: number; expected: number | null; difference: number | null }[];
  report: DayReport;
}

async function call<T>(method: string, path: string, token: string): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', authorization: `Device ${token}` },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      body && typeof body.code === 'string'
        ? { ...body, errors: Array.isArray(body.errors) ? body.errors : [] }
        : {
            type: 'about:blank',
            title: response.statusText || `HTTP ${response.status}`,
            status: response.status,
            code: 'http_error',
            errors: [],
          },
    );
  }
  return (await response.json()) as T;
}

export function reportsApi(registerId: string, token: string) {
  const base = `/api/registers/${encodeURIComponent(registerId)}/reports`;
  return {
    /** The figures since the last Z report, from the server's journal. */
    xReport: () => call<DayReport>('GET', `${base}/x`, token),
    list: (kind?: 'x' | 'z') =>
      call<{ items: StoredReport[] }>('GET', kind ? `${base}?kind=${kind}` : base, token),
    /** The register's newest Z report (the start of the current day), or null before the first. */
    lastZ: async () =>
      (await call<{ items: StoredReport[] }>('GET', `${base}?kind=z`, token)).items[0] ?? null,
    get: (reportId: string) => call<StoredReport>('GET', `${base}/${encodeURIComponent(reportId)}`, token),
    print: (reportId: string) =>
      call<unknown>('POST', `${base}/${encodeURIComponent(reportId)}/print`, token),
  };
}
