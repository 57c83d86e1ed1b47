// A receipt as a printer-neutral document: blocks that ESC/POS, HTML or a screen render alike.
import type { ReceiptKind } from './types';

/** One block of a printer-neutral receipt document. */
export type ReceiptBlock =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly align?: 'left' | 'center' | 'right';
      readonly bold?: boolean;
      /** 1 = normal; 2 = double width and height. */
      readonly size?: 1 | 2;
    }
  | {
      /** A row with a left and a right column (name … amount). */
      readonly type: 'row';
      readonly left: string;
      readonly right: string;
      readonly bold?: boolean;
      readonly size?: 1 | 2;
    }
  | { readonly type: 'separator' }
  | { readonly type: 'qr'; readonly data: string }
  | { readonly type: 'feed'; readonly lines: number };

/** A receipt ready for any printer or screen. */
export interface ReceiptDocument {
  readonly kind: ReceiptKind;
  /** True on e-mailed and on-screen receipts ("elektroniskt kassakvitto"). */
  readonly isElectronic: boolean;
  readonly blocks: readonly ReceiptBlock[];
}
