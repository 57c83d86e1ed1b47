// X report (any time) and Z report (closes the day) at the register. Both are journaled and queued
// like a sale. The figures are the server's when it has every queued command, else the register's
// own from the entries it keeps since the last Z (./day-figures.ts) — so the day closes offline too,
// prints through the browser and reaches the server with the queue. A Z report needs a cash count
// and a confirmation; after it the next report starts from zero while the grand totals carry on.
import type { DayReport } from '@handla/core';
import { ErrorNotice, useT } from '@handla/ui';
import { useMemo, useState } from 'react';
import { listQueue, readLocalDay, saveServerLastZ } from '../offline/db';
import { useRegister } from '../register-context';
import { CashCountForm } from './CashCountForm';
import { type CountResult, expectedPerCurrency } from './cash-count';
import { type DayFigures, findDayFigures } from './day-figures';
import { recordDayReport } from './journal-command';
import { dayReportHtml } from './report-html';
import { reportsApi, type StoredReport } from './reports-api';
import { printHtml, useCashContext, useFormatMoney } from './use-cash';

type Step = 'idle' | 'shown' | 'counting' | 'confirm' | 'closed';

export function DayReportPanel() {
  const t = useT();
  const { db, device, setup, isOnline, syncNow } = useRegister();
  const cash = useCashContext();
  const formatMoney = useFormatMoney();
  const api = useMemo(() => reportsApi(device.registerId, device.deviceToken), [device]);
  const [step, setStep] = useState<Step>('idle');
  const [day, setDay] = useState<DayFigures | null>(null);
  const figures = day?.report ?? null;
  const [counted, setCounted] = useState<CountResult[]>([]);
  const [closed, setClosed] = useState<StoredReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** The figures since the last Z: the server's when it has the whole queue, else the device's own. */
  async function currentFigures(): Promise<DayFigures | null> {
    const found = await findDayFigures({
      isOnline,
      registerId: device.registerId,
      currency: setup.company.currency,
      now: () => new Date(),
      sendQueue: async () => {
        await syncNow();
        return (await listQueue(db)).length;
      },
      serverX: () => api.xReport(),
      serverLastZ: () => api.lastZ(),
      saveServerLastZ: (z) => saveServerLastZ(db, z),
      readLocalDay: () => readLocalDay(db),
    });
    if (!found) setMessage(t(isOnline ? 'pos.cash.report.queueNotSent' : 'pos.cash.report.incomplete'));
    else if (found.source === 'device') setMessage(t('pos.cash.report.fromDevice'));
    return found;
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  /** Prints on the register's printer once the server has the report, else through the browser. */
  async function print(reportId: string, html: string) {
    if (isOnline && setup.settings.printerHost) {
      try {
        await syncNow();
        await api.print(reportId);
        setMessage(t('pos.cash.report.printed'));
        return;
      } catch (e) {
        setError(e);
      }
    }
    printHtml(html, reportId);
  }

  const showX = () =>
    run(async () => {
      const x = await currentFigures();
      if (!x) return;
      setDay(x);
      setClosed(null);
      setStep('shown');
    });

  const printX = () =>
    run(async () => {
      if (!figures) return;
      const command = await recordDayReport(cash, figures, []);
      if (command.kind === 'report.x') await print(command.reportId, dayReportHtml(setup, figures));
    });

  const closeDay = () =>
    run(async () => {
      const x = await currentFigures();
      if (!x) return;
      const z: DayReport = { ...x.report, kind: 'z' };
      const count = counted.map(({ currency, counted: amount }) => ({ currency, counted: amount }));
      const command = await recordDayReport(cash, z, count);
      if (command.kind !== 'report.z') return;
      // Online the server's stored Z is shown (and becomes the next day's start); offline the
      // register's own, which the server recomputes to the same figures once the queue is sent.
      const stored = isOnline
        ? await syncNow()
            .then(() => api.get(command.reportId))
            .catch(() => null)
        : null;
      if (stored) await saveServerLastZ(db, stored);
      setClosed(
        stored ?? {
          reportId: command.reportId,
          kind: 'z',
          number: x.nextZNumber,
          sequence: command.journalEntry.sequence,
          at: command.at,
          cashierId: command.cashierId,
          cashCount: counted.map((c) => ({ ...c })),
          report: z,
        },
      );
      setDay(null);
      setStep('closed');
    });

  const shown = step === 'closed' && closed ? closed.report : figures;
  const html = shown ? dayReportHtml(setup, shown, closed?.number ?? undefined) : null;

  return (
    <section className="card stack" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('pos.cash.report.heading')}</h2>
      {!isOnline && <p className="notice notice-warning">{t('pos.cash.report.offline')}</p>}
      {message && <p role="status">{message}</p>}
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void showX()}>
          {t('pos.cash.report.showX')}
        </button>
        {step === 'shown' && figures && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void printX()}>
              {t('pos.cash.report.printX')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => setStep('counting')}
            >
              {t('pos.cash.report.startZ')}
            </button>
          </>
        )}
      </div>
      {step === 'counting' && figures && (
        <CashCountForm
          expected={expectedPerCurrency(figures)}
          onCancel={() => setStep('shown')}
          onCounted={(results) => {
            setCounted(results);
            setStep('confirm');
          }}
        />
      )}
      {step === 'confirm' && (
        <div className="notice notice-warning stack" role="alertdialog" aria-labelledby="z-confirm">
          <p id="z-confirm">{t('pos.cash.report.confirmZ')}</p>
          <ul className="plain-list">
            {counted.map((c) => (
              <li key={c.currency}>
                {t('pos.cash.report.countLine', {
                  currency: c.currency,
                  counted: formatMoney(c.counted, c.currency),
                  difference: c.difference === null ? '–' : formatMoney(c.difference, c.currency),
                })}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button button-quiet"
              disabled={busy}
              onClick={() => setStep('counting')}
            >
              {t('pos.cash.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void closeDay()}
            >
              {t('pos.cash.report.closeDay')}
            </button>
          </div>
        </div>
      )}
      {step === 'closed' && closed && (
        <div className="stack">
          <p role="status">{t('pos.cash.report.closed', { number: closed.number ?? '–' })}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => html && void print(closed.reportId, html)}
          >
            {t('pos.cash.report.printZ')}
          </button>
        </div>
      )}
      {html && (step === 'shown' || step === 'closed') && (
        // The HTML is the core's own rendering, escaped there.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: see the comment above
        <div className="receipt-paper" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  );
}
