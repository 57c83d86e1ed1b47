// The control unit's side of the contract (SKVFS 2014:9): registration, request, answer, port.

/** The control unit's receipt types (SKVFS 2014:9); a return is a `normal` receipt. */
export type ControlUnitReceiptType = 'normal' | 'copy' | 'training' | 'pro_forma';

/** Registering the register with its control unit, once. */
export interface ControlUnitRegistration {
  /** Ten digits, no dash. */
  readonly organisationNumber: string;
  /** At most 16 characters. */
  readonly registerId: string;
}

/** What is sent to the control unit for every receipt, copy and pro-forma print. */
export interface ControlUnitRequest extends ControlUnitRegistration {
  /** Local date and time to the minute, `YYYYMMDDHHmm`. */
  readonly dateTime: string;
  readonly receiptNumber: number;
  readonly receiptType: ControlUnitReceiptType;
  readonly totalAmount: number;
  /** The sum of negative lines, ≤ 0. */
  readonly negativeAmount: number;
  /** At most four rate/amount pairs. */
  readonly vat: readonly { readonly vatRateBp: number; readonly vatAmount: number }[];
}

/** The unit's answer, both printed on the receipt. */
export interface ControlUnitResponse {
  readonly controlCode: string;
  readonly serialNumber: string;
}

/** A control unit as the register talks to it; a unit that does not answer rejects. */
export interface ControlUnit {
  register(registration: ControlUnitRegistration): Promise<void>;
  requestControlCode(request: ControlUnitRequest): Promise<ControlUnitResponse>;
}
