import { useT } from '@handla/ui';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A big numeric keypad for fingers; a physical keyboard works on the field beside it too. */
export function Keypad({
  onDigit,
  onBackspace,
  onEnter,
  enterLabel,
}: {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onEnter: () => void;
  enterLabel: string;
}) {
  const t = useT();
  return (
    <div className="keypad">
      {KEYS.map((digit) => (
        <button key={digit} type="button" className="button keypad-key" onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button
        type="button"
        className="button keypad-key"
        onClick={onBackspace}
        aria-label={t('pos.keypad.backspace')}
      >
        ⌫
      </button>
      <button type="button" className="button keypad-key" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="button button-primary keypad-key" onClick={onEnter}>
        {enterLabel}
      </button>
    </div>
  );
}
