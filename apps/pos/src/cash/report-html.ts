// An X or Z report on screen (and for the browser's print when no printer is reachable): the core's
// report document rendered like a receipt, with the cash count below it.
import { buildDayReportDocument, type DayReport, renderReceiptHtml } from '@handla/core';
import type { SetupSnapshot } from '../offline/db';

export function dayReportHtml(setup: SetupSnapshot, report: DayReport, reportNumber?: number): string {
  const document = buildDayReportDocument(report, {
    company: { name: setup.company.name, organisationNumber: setup.company.orgNumber.replace(/\D/g, '') },
    store: { name: setup.store.name },
    registerId: setup.register.code,
    timeZone: setup.company.timeZone,
    ...(reportNumber !== undefined ? { reportNumber } : {}),
  });
  return renderReceiptHtml(document);
}
