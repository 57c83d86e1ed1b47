// What the registers screens compute: the list grouped by store, the settings form's draft and
// its checks, and search periods of calendar days. Pure, so it is tested without a browser.
import type { RegisterSettings, RegisterSummary, UpdateRegisterSettingsBody } from '@handla/api';
import type { MessageKey } from '@handla/ui';

/** One store's registers, in code order. */
export interface StoreRegisters {
  storeId: string;
  storeCode: string;
  storeName: string;
  registers: RegisterSummary[];
}

/** Groups registers by store; stores and registers in code order. */
export function groupByStore(registers: readonly RegisterSummary[]): StoreRegisters[] {
  const groups = new Map<string, StoreRegisters>();
  for (const r of registers) {
    let group = groups.get(r.storeId);
    if (!group) {
      group = { storeId: r.storeId, storeCode: r.storeCode, storeName: r.storeName, registers: [] };
      groups.set(r.storeId, group);
    }
    group.registers.push(r);
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'sv');
  return [...groups.values()]
    .map((g) => ({ ...g, registers: [...g.registers].sort(byCode) }))
    .sort((a, b) => a.storeCode.localeCompare(b.storeCode, 'sv'));
}

/** The settings form as typed: every field a string or a checkbox. */
export interface SettingsDraft {
  printerHost: string;
  printerPort: string;
  controlUnitSerial: string;
  isTrainingAllowed: boolean;
  idleLockMinutes: string;
}

export type SettingsField = keyof SettingsDraft;

export function toSettingsDraft(s: RegisterSettings): SettingsDraft {
  return {
    printerHost: s.printerHost ?? '',
    printerPort: s.printerPort === null ? '' : String(s.printerPort),
    controlUnitSerial: s.controlUnitSerial ?? '',
    isTrainingAllowed: s.isTrainingAllowed,
    idleLockMinutes: String(s.idleLockMinutes),
  };
}

const HOST = /^[A-Za-z0-9.:-]+$/;

function wholeNumberIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * The body to PUT, or the fields to correct first. The server checks the same rules and stays the
 * authority; checking here only saves a round trip and names the field next to its input.
 */
export function toSettingsBody(
  draft: SettingsDraft,
): { body: UpdateRegisterSettingsBody } | { errors: Partial<Record<SettingsField, MessageKey>> } {
  const errors: Partial<Record<SettingsField, MessageKey>> = {};
  const host = draft.printerHost.trim();
  const portText = draft.printerPort.trim();
  const serial = draft.controlUnitSerial.trim();
  if (host !== '' && (host.length > 253 || !HOST.test(host))) {
    errors.printerHost = 'registersAdmin.settings.invalidHost';
  }
  const port = portText === '' ? null : wholeNumberIn(portText, 1, 65535);
  if (portText !== '' && port === null) errors.printerPort = 'registersAdmin.settings.invalidPort';
  const minutes = wholeNumberIn(draft.idleLockMinutes.trim(), 1, 240);
  if (minutes === null) errors.idleLockMinutes = 'registersAdmin.settings.invalidMinutes';
  if (Object.keys(errors).length > 0 || minutes === null) return { errors };
  return {
    body: {
      printerHost: host === '' ? null : host,
      printerPort: port,
      controlUnitSerial: serial === '' ? null : serial,
      isTrainingAllowed: draft.isTrainingAllowed,
      idleLockMinutes: minutes,
    },
  };
}

/** Server field errors by field name, the first message of each. */
export function serverFieldErrors(
  errors: readonly { field: string; message: string }[],
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] ??= e.message;
  return byField;
}

/** The instant a calendar day ("YYYY-MM-DD") starts in the browser's time zone. */
export function dayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

/**
 * The receipt search's period: from the start of `fromDay` up to (not including) the start of the
 * day after `toDay`, so the whole last day is searched. Empty days leave that end open.
 */
export function receiptPeriod(fromDay: string, toDay: string): { from?: string; to?: string } {
  const period: { from?: string; to?: string } = {};
  if (fromDay) period.from = dayStart(fromDay).toISOString();
  if (toDay) {
    const end = dayStart(toDay);
    end.setDate(end.getDate() + 1);
    period.to = end.toISOString();
  }
  return period;
}

/** A calendar day as "YYYY-MM-DD" in the browser's time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The previous calendar month, the usual SAF-T period. */
export function previousMonth(today: Date): { from: string; to: string } {
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  return { from: isoDay(first), to: isoDay(last) };
}

/** Each value as a percentage of the largest (0 for negatives, all 0 when nothing is positive), for bars. */
export function barPercentages(values: readonly number[]): number[] {
  const largest = Math.max(0, ...values);
  return values.map((v) => (largest === 0 || v <= 0 ? 0 : Math.round((v / largest) * 1000) / 10));
}

/** From the first of this month to today, the sales chart's first period. */
export function monthToDate(today: Date): { from: string; to: string } {
  return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to: isoDay(today) };
}
