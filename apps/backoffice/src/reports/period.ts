// The report filters' period presets as local days (YYYY-MM-DD, both included), in the browser's
// time zone — the stores' (Europe/Stockholm) for the staff using the back office.

export type PeriodPreset = 'today' | 'last7' | 'thisMonth' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['today', 'last7', 'thisMonth', 'custom'];

const day = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The days of a preset on `now`; `custom` keeps `current`. */
export function presetDays(
  preset: PeriodPreset,
  now: Date,
  current: { from: string; to: string },
): { from: string; to: string } {
  const to = day(now);
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'last7':
      return { from: day(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6)), to };
    case 'thisMonth':
      return { from: day(new Date(now.getFullYear(), now.getMonth(), 1)), to };
    case 'custom':
      return current;
  }
}
