// <input type="datetime-local"> speaks local wall-clock time without a zone; the API speaks instants.

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the value of a datetime-local input, in the browser's time zone: "2026-11-23T10:30". */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value means in the browser's time zone, or null when incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today in the browser's time zone as an ISO date, for date inputs. */
export function todayIso(): string {
  return toLocalInput(new Date()).slice(0, 10);
}
