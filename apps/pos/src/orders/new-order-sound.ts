// The sound of a new web order: two short tones made with the Web Audio API (no audio file to
// cache offline), and the register's mute choice kept in localStorage.

const MUTE_KEY = 'handla.pos.orders.muted';

// Storage throws in some private-browsing modes: the choice then lasts for this page only.
export function readMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === 'true';
  } catch {
    return false;
  }
}

export function storeMuted(isMuted: boolean): void {
  try {
    globalThis.localStorage?.setItem(MUTE_KEY, String(isMuted));
  } catch {
    // See readMuted.
  }
}

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return null;
  context ??= new AudioContextClass();
  return context;
}

/**
 * Browsers keep audio suspended until the page has had a tap or key press since it loaded (a
 * register restored after a reload has had none): call this from such an event, so the first
 * order that arrives afterwards is heard.
 */
export function unlockNewOrderSound(): void {
  try {
    void audioContext()
      ?.resume()
      .catch(() => {});
  } catch {
    // No sound on this device; the visual alert remains.
  }
}

/** Plays the new-order chime; silent where the browser has no Web Audio or blocks it. */
export function playNewOrderSound(): void {
  try {
    const context = audioContext();
    if (!context) return;
    void context.resume().catch(() => {});
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1320],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // A register without sound still shows the visual alert.
  }
}
