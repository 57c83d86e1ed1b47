// Calls of the accounting page. A SIE file is CP437 bytes both ways, so it travels as a Blob, not
// through the JSON client's text upload; the import uses XMLHttpRequest for upload progress.
import {
  type AccountMappingList,
  ApiError,
  type ChartImportResult,
  type ExchangeRate,
  type ExchangeRateList,
  type Problem,
  type PutAccountMappingBody,
  type PutExchangeRateBody,
  queryString,
} from '@handla/api';

// Proxies and crashed servers answer with HTML or nothing; give those a problem shape too.
const problemOf = (status: number, statusText: string, body: unknown) => {
  const b = body as Partial<Problem> | null;
  if (b && typeof b.code === 'string' && typeof b.title === 'string') {
    return new ApiError({ ...(b as Problem), errors: Array.isArray(b.errors) ? b.errors : [] });
  }
  return new ApiError({
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: 'http_error',
    errors: [],
  });
};

async function json<T>(response: Response): Promise<T> {
  if (!response.ok)
    throw problemOf(response.status, response.statusText, await response.json().catch(() => null));
  return (await response.json()) as T;
}

export const getAccountMapping = () =>
  fetch('/api/accounting/accounts', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  }).then((r) => json<AccountMappingList>(r));

export const putAccountMapping = (body: PutAccountMappingBody) =>
  fetch('/api/accounting/accounts', {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => json<AccountMappingList>(r));

/** The SIE file for a day or a period, with the name the server gave it. */
export async function downloadSie(period: { date: string } | { from: string; to: string }) {
  const response = await fetch(`/api/accounting/sie${queryString(period)}`, { credentials: 'same-origin' });
  if (!response.ok)
    throw problemOf(response.status, response.statusText, await response.json().catch(() => null));
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'handla.se';
  return { name, blob: await response.blob() };
}

/** Sends a SIE file as bytes; `onProgress` gets the share sent, 0–1. */
export function importChartOfAccounts(
  file: Blob,
  onProgress: (share: number) => void,
): Promise<ChartImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/accounting/accounts/import');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ChartImportResult);
      else reject(problemOf(xhr.status, xhr.statusText, body));
    };
    // A network failure, as fetch reports it, so the error notice says "could not reach the server".
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(file);
  });
}

export const listExchangeRates = () =>
  fetch('/api/accounting/exchange-rates', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  }).then((r) => json<ExchangeRateList>(r));

/** Sets a currency's rate to SEK on a date (a second save for the day replaces it). */
export const putExchangeRate = (currency: string, date: string, body: PutExchangeRateBody) =>
  fetch(`/api/accounting/exchange-rates/${encodeURIComponent(currency)}/${encodeURIComponent(date)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => json<ExchangeRate>(r));
