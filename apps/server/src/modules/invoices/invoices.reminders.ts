// The `invoices.remind` job: a reminder mail for each overdue invoice when the company's policy says
// one is due (days after due, at most one per interval, a maximum count), counted on the invoice,
// with the reminder fee added when the company charges one. Overdue rows are claimed with
// `for update skip locked`, so two processes never remind the same invoice twice.
import { invoiceBalance, invoiceStateOf, isReminderDue, toWallClock } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import { recordFeeCharge } from './invoices.books';
import { queueInvoiceMail } from './invoices.mail';
import * as store from './invoices.store';

export const REMIND_EVERY_MS = 10 * 60_000;
const BATCH = 100;

/** Sends the reminders due at `now`; returns how many were sent. */
export async function remindOverdueInvoices(ctx: AppContext, now: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    // A day ahead of UTC covers every company's local "today"; the policy is checked again per
    // invoice on its company's own date.
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const overdue = await store.claimRemindableInvoices(tx, tomorrow, BATCH);
    const companies = new Map<
      string,
      { settings: Awaited<ReturnType<typeof store.findSettings>>; today: string }
    >();
    const events: NewEvent[] = [];
    for (const invoice of overdue) {
      let company = companies.get(invoice.companyId);
      if (!company) {
        const seller = await store.findSeller(tx, invoice.companyId);
        company = {
          settings: await store.findSettings(tx, invoice.companyId),
          today: toWallClock(now, seller.timeZone).date,
        };
        companies.set(invoice.companyId, company);
      }
      const { settings, today } = company;
      const policy = {
        daysAfterDue: settings.reminderDaysAfterDue,
        intervalDays: settings.reminderIntervalDays,
        maxReminders: settings.maxReminders,
      };
      if (invoice.dueDate >= today || !isReminderDue(policy, invoice, today)) continue;
      const feesAmount = invoice.feesAmount + settings.reminderFee;
      const money = { ...invoice, feesAmount };
      await store.updateInvoiceMoney(tx, invoice.id, { ...money, state: invoiceStateOf(money) }, now);
      await store.recordReminder(tx, invoice.id, today, now);
      // Dated, so the SIE export books the fee as income on the day it was charged.
      await recordFeeCharge(tx, {
        id: ctx.newId('ifee'),
        companyId: invoice.companyId,
        invoiceId: invoice.id,
        chargedOn: today,
        amount: settings.reminderFee,
        at: now,
      });
      const reminded = { ...money, reminderCount: invoice.reminderCount + 1, lastRemindedOn: today };
      const isMailed = await queueInvoiceMail(tx, ctx, reminded, 'invoice_reminder');
      events.push({
        type: 'invoice.reminded',
        aggregateType: 'invoice',
        aggregateId: invoice.id,
        storeId: invoice.storeId,
        data: {
          invoiceId: invoice.id,
          number: invoice.number,
          reminderCount: reminded.reminderCount,
          fee: settings.reminderFee,
          balance: invoiceBalance(money),
          isMailed,
        },
      });
    }
    await emitEvents(tx, events, now);
    return events.length;
  });
}
