// The settings form's model: text fields as typed, weekly hours grouped per weekday, and the way
// back to the API body. Server field errors (`weeklyHours[3].closes`) are mapped onto the form.
import type { PickupSettings, UpdatePickupSettingsBody } from '@handla/api';

export interface Interval {
  opens: string;
  closes: string;
}

export interface ExceptionDraft {
  date: string;
  closed: boolean;
  opens: string;
  closes: string;
  note: string;
}

export interface SettingsDraft {
  enabled: boolean;
  leadTimeMinutes: string;
  slotMinutes: string;
  capacityOrders: string;
  capacityItems: string;
  bookAheadDays: string;
  asapEnabled: boolean;
  payInStoreAllowed: boolean;
  reminderMinutesBefore: string;
  collectWithinDays: string;
  /** Index 0 = Monday … 6 = Sunday; an empty list is a closed day. */
  week: Interval[][];
  exceptions: ExceptionDraft[];
  version: number;
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function toDraft(s: PickupSettings): SettingsDraft {
  const week: Interval[][] = Array.from({ length: 7 }, () => []);
  for (const h of s.weeklyHours) week[h.weekday - 1]?.push({ opens: h.opens, closes: h.closes });
  for (const day of week) day.sort((a, b) => a.opens.localeCompare(b.opens));
  return {
    enabled: s.enabled,
    leadTimeMinutes: text(s.leadTimeMinutes),
    slotMinutes: text(s.slotMinutes),
    capacityOrders: text(s.capacityOrders),
    capacityItems: text(s.capacityItems),
    bookAheadDays: text(s.bookAheadDays),
    asapEnabled: s.asapEnabled,
    payInStoreAllowed: s.payInStoreAllowed,
    reminderMinutesBefore: text(s.reminderMinutesBefore),
    collectWithinDays: text(s.collectWithinDays),
    week,
    exceptions: s.exceptions.map((e) => ({
      date: e.date,
      closed: e.closed,
      opens: e.opens ?? '',
      closes: e.closes ?? '',
      note: e.note ?? '',
    })),
    version: s.version,
  };
}

// Empty means "none" where the API allows null; anything unreadable goes to the server as it is
// not a number, so the server's error names the field.
const optional = (s: string) => (s.trim() === '' ? null : Number(s));
const required = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function toBody(d: SettingsDraft): UpdatePickupSettingsBody {
  return {
    enabled: d.enabled,
    leadTimeMinutes: required(d.leadTimeMinutes),
    slotMinutes: required(d.slotMinutes),
    capacityOrders: optional(d.capacityOrders),
    capacityItems: optional(d.capacityItems),
    bookAheadDays: required(d.bookAheadDays),
    asapEnabled: d.asapEnabled,
    payInStoreAllowed: d.payInStoreAllowed,
    reminderMinutesBefore: optional(d.reminderMinutesBefore),
    collectWithinDays: required(d.collectWithinDays),
    weeklyHours: d.week.flatMap((day, i) => day.map((h) => ({ weekday: i + 1, ...h }))),
    exceptions: d.exceptions.map((e) => ({
      date: e.date,
      closed: e.closed,
      opens: e.closed || !e.opens ? null : e.opens,
      closes: e.closed || !e.closes ? null : e.closes,
      note: e.note.trim() || null,
    })),
    version: d.version,
  };
}

/** The `weeklyHours[n]` index of a weekday's interval, in the order `toBody` sends them. */
export function weeklyIndex(week: Interval[][], weekday: number, interval: number): number {
  return week.slice(0, weekday - 1).reduce((n, day) => n + day.length, 0) + interval;
}

/** Server field names as the form uses them: `weeklyHours.3.closes` (schema errors) → `weeklyHours[3].closes`. */
export function fieldErrorMap(errors: readonly { field: string; message: string }[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    const field = e.field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    map[field] ??= e.message;
  }
  return map;
}
