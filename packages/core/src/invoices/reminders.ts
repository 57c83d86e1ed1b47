// When an overdue invoice gets its next reminder: not before `daysAfterDue` past the due date, at
// most one per `intervalDays`, and no more than `maxReminders` in all.
import { addLocalDays } from '../pickup/wall-clock';

export interface ReminderPolicy {
  readonly daysAfterDue: number;
  readonly intervalDays: number;
  readonly maxReminders: number;
}

export interface ReminderHistory {
  /** YYYY-MM-DD. */
  readonly dueDate: string;
  readonly reminderCount: number;
  /** The local date of the last reminder, or null. */
  readonly lastRemindedOn: string | null;
}

/** True when a reminder is due on `today` (a local YYYY-MM-DD date). */
export function isReminderDue(policy: ReminderPolicy, invoice: ReminderHistory, today: string): boolean {
  if (invoice.reminderCount >= policy.maxReminders) return false;
  if (today < addLocalDays(invoice.dueDate, policy.daysAfterDue)) return false;
  return (
    invoice.lastRemindedOn === null || today >= addLocalDays(invoice.lastRemindedOn, policy.intervalDays)
  );
}
