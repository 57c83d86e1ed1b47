// localStorage that never throws: private-browsing modes refuse it, and the shop must still work.

/** The parsed value under `key`, or null when absent, unreadable or not JSON. */
export function readStored(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** Saves `value` as JSON under `key`; without storage it lasts for this page only. */
export function writeStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the state still lives in memory.
  }
}
