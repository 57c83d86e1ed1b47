// A keyboard-wedge barcode scanner "types" its code as a burst of keystrokes ending in Enter, far
// faster than a person. This tells such a burst apart from typing, without a clock of its own.

/** How fast and how long a burst must be to count as a scan. */
export interface WedgeOptions {
  /** Largest gap between two keystrokes of one scan, in ms (scanners: 1–20 ms; people: 80+ ms). */
  maxGapMs: number;
  /** Shortest code accepted (EAN-8 is 8; article numbers may be shorter). */
  minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 40, minLength: 4 };

/** What a keystroke means to the detector: more of a burst, a finished scan, or nothing. */
export type WedgeResult = { kind: 'none' } | { kind: 'scan'; code: string };

/**
 * Feed it every keydown (`key` as in KeyboardEvent.key, `atMs` as in event.timeStamp); it answers
 * `scan` on the Enter that ends a fast enough, long enough burst of printable characters.
 */
export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE_OPTIONS) {
  let buffer = '';
  let lastAtMs = Number.NEGATIVE_INFINITY;
  let isBurst = true;

  return {
    feed(key: string, atMs: number): WedgeResult {
      const gap = atMs - lastAtMs;
      lastAtMs = atMs;
      if (key === 'Enter') {
        const code = buffer;
        const wasBurst = isBurst && gap <= options.maxGapMs;
        buffer = '';
        isBurst = true;
        return wasBurst && code.length >= options.minLength ? { kind: 'scan', code } : { kind: 'none' };
      }
      if (key.length !== 1) {
        // Shift and other modifiers arrive between characters of some scanners: ignore, keep the burst.
        if (key === 'Shift') return { kind: 'none' };
        buffer = '';
        isBurst = true;
        return { kind: 'none' };
      }
      if (buffer.length > 0 && gap > options.maxGapMs) {
        // A slow key starts over: the new key may be the first of a scan.
        buffer = '';
      }
      buffer += key;
      return { kind: 'none' };
    },
    /** The characters of the burst so far (to strip them from a text field they landed in). */
    pending(): string {
      return buffer;
    },
  };
}
