// The batch-time field as typed ("10:00, 14:00" or "10.00 14:00") ↔ the "HH:MM" list the API takes.

/** Splits on commas and spaces, writes 10.00 and 9:00 as 10:00 and 09:00; the server checks the rest. */
export function parseBatchTimes(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((time) => time.replace('.', ':'))
    .map((time) => (/^\d:\d\d$/.test(time) ? `0${time}` : time));
}

export function formatBatchTimes(times: readonly string[]): string {
  return times.join(', ');
}
