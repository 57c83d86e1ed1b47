import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from './wedge';

function typeAt(
  detector: ReturnType<typeof createWedgeDetector>,
  text: string,
  startMs: number,
  gapMs: number,
) {
  let at = startMs;
  let last = detector.feed(text[0]!, at);
  for (const key of [...text.slice(1), 'Enter']) {
    at += gapMs;
    last = detector.feed(key, at);
  }
  return last;
}

describe('the keyboard-wedge detector', () => {
  it('reads a fast burst ending in Enter as a scan', () => {
    expect(typeAt(createWedgeDetector(), '7350000000019', 1000, 5)).toEqual({
      kind: 'scan',
      code: '7350000000019',
    });
  });

  it('ignores a person typing the same digits', () => {
    expect(typeAt(createWedgeDetector(), '7350000000019', 1000, 120)).toEqual({ kind: 'none' });
  });

  it('ignores a fast burst shorter than the shortest code', () => {
    expect(typeAt(createWedgeDetector(), '12', 0, 5)).toEqual({ kind: 'none' });
  });

  it('starts over after a slow key, so typing then scanning still finds the scan', () => {
    const detector = createWedgeDetector();
    detector.feed('a', 0);
    detector.feed('b', 500);
    expect(typeAt(detector, '40012345', 2000, 3)).toEqual({ kind: 'scan', code: '40012345' });
  });

  it('refuses an Enter pressed long after a fast burst', () => {
    const detector = createWedgeDetector();
    for (const [i, key] of [...'40012345'].entries()) detector.feed(key, i * 3);
    expect(detector.feed('Enter', 2000)).toEqual({ kind: 'none' });
  });

  it('keeps the burst through Shift and drops it on other special keys', () => {
    const detector = createWedgeDetector();
    detector.feed('A', 0);
    detector.feed('Shift', 2);
    detector.feed('B', 4);
    expect(detector.pending()).toBe('AB');
    detector.feed('Backspace', 6);
    expect(detector.pending()).toBe('');
  });
});
