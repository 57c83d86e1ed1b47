// Listens to the whole window, so a scan lands in the sale wherever the focus is.
import { useEffect, useRef } from 'react';
import { createWedgeDetector } from './wedge';

function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return (
    (target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit'].includes(target.type)) ||
    target instanceof HTMLTextAreaElement
  );
}

// React keeps its own copy of an input's value; the native setter plus an input event updates both.
function stripSuffix(field: HTMLInputElement | HTMLTextAreaElement, suffix: string) {
  if (!field.value.endsWith(suffix)) return;
  const proto =
    field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, field.value.slice(0, -suffix.length));
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Calls `onScan(code)` for every scanner burst while `enabled`. Fields marked `data-scan-field`
 * (the sale's scan/search box) handle their own Enter; in any other text field the scanned
 * characters are taken back out, so a scan never ends up in, say, a discount reason.
 */
export function useScanner(onScan: (code: string) => void, enabled = true) {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const detector = createWedgeDetector();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const burst = detector.pending();
      const result = detector.feed(event.key, event.timeStamp);
      if (result.kind !== 'scan') return;
      const target = event.target;
      if (target instanceof HTMLElement && target.dataset.scanField !== undefined) return;
      event.preventDefault();
      event.stopPropagation();
      if (isTextField(target)) stripSuffix(target, burst);
      onScanRef.current(result.code);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
