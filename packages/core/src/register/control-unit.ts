// The control unit port (SKVFS 2014:9): what the register sends per receipt and how it checks the
// fields the way a certified unit would, so a simulator and a real unit refuse the same requests.
import { tzOffset } from '@date-fns/tz';
import { DomainError } from '../errors';
import type { FieldProblem } from './discounts';
import type {
  ComputedReceipt,
  ControlUnit,
  ControlUnitReceiptType,
  ControlUnitRegistration,
  ControlUnitRequest,
  ControlUnitResponse,
} from './types';

const RECEIPT_TYPES: readonly ControlUnitReceiptType[] = ['normal', 'copy', 'training', 'pro_forma'];
/** Certified units take at most four VAT rate/amount pairs per receipt. */
export const CONTROL_UNIT_MAX_VAT_RATES = 4;

function registrationProblems(registration: ControlUnitRegistration): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^\d{10}$/.test(registration.organisationNumber)) {
    problems.push({ field: 'organisationNumber', message: 'Must be 10 digits without a dash' });
  }
  if (!/^[\x21-\x7e]{1,16}$/.test(registration.registerId)) {
    problems.push({ field: 'registerId', message: 'Must be 1–16 printable characters without spaces' });
  }
  return problems;
}

function isDateTimeToMinute(text: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/** Throws `validation_failed` naming the fields a control unit would refuse. */
export function assertControlUnitRegistration(registration: ControlUnitRegistration): void {
  const problems = registrationProblems(registration);
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'The control unit refused the registration', problems);
}

/** Throws `validation_failed` naming the fields a control unit would refuse. */
export function assertControlUnitRequest(request: ControlUnitRequest): void {
  const problems = registrationProblems(request);
  if (!isDateTimeToMinute(request.dateTime)) {
    problems.push({ field: 'dateTime', message: 'Must be a local date and time YYYYMMDDHHmm' });
  }
  if (!Number.isSafeInteger(request.receiptNumber) || request.receiptNumber < 1) {
    problems.push({ field: 'receiptNumber', message: 'Must be a positive whole number' });
  }
  if (!RECEIPT_TYPES.includes(request.receiptType)) {
    problems.push({ field: 'receiptType', message: `Must be one of ${RECEIPT_TYPES.join(', ')}` });
  }
  if (!Number.isSafeInteger(request.totalAmount)) {
    problems.push({ field: 'totalAmount', message: 'Must be a whole number of minor units' });
  }
  if (!Number.isSafeInteger(request.negativeAmount) || request.negativeAmount > 0) {
    problems.push({ field: 'negativeAmount', message: 'Must be a whole number ≤ 0' });
  }
  if (request.vat.length > CONTROL_UNIT_MAX_VAT_RATES) {
    problems.push({ field: 'vat', message: `At most ${CONTROL_UNIT_MAX_VAT_RATES} VAT rates` });
  }
  request.vat.forEach((pair, i) => {
    if (!Number.isSafeInteger(pair.vatRateBp) || pair.vatRateBp < 0 || pair.vatRateBp > 10_000) {
      problems.push({ field: `vat[${i}].vatRateBp`, message: 'Must be basis points between 0 and 10000' });
    }
    if (!Number.isSafeInteger(pair.vatAmount)) {
      problems.push({ field: `vat[${i}].vatAmount`, message: 'Must be a whole number of minor units' });
    }
    if (request.vat.findIndex((other) => other.vatRateBp === pair.vatRateBp) !== i) {
      problems.push({ field: `vat[${i}].vatRateBp`, message: 'Each rate at most once' });
    }
  });
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'The control unit refused the request', problems);
}

/** An instant as the unit's local date and time to the minute, `YYYYMMDDHHmm`. */
export function controlUnitDateTime(at: string, timeZone = 'Europe/Stockholm'): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('validation_failed', 'Not an instant', [
      { field: 'at', message: 'Must be ISO 8601' },
    ]);
  }
  const local = new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000).toISOString();
  return local.slice(0, 16).replace(/[-T:]/g, '');
}

/** What the register sends for a computed receipt (or a copy or pro-forma print of one). */
export function controlUnitRequestFor(
  receipt: ComputedReceipt,
  context: ControlUnitRegistration & {
    receiptNumber: number;
    at: string;
    timeZone?: string;
    /** Overrides the type the receipt implies: `copy` or `pro_forma` prints. */
    receiptType?: ControlUnitReceiptType;
  },
): ControlUnitRequest {
  return {
    organisationNumber: context.organisationNumber,
    registerId: context.registerId,
    dateTime: controlUnitDateTime(context.at, context.timeZone),
    receiptNumber: context.receiptNumber,
    receiptType: context.receiptType ?? (receipt.isTraining ? 'training' : 'normal'),
    totalAmount: receipt.totalToPay,
    negativeAmount: receipt.negativeLinesTotal,
    vat: receipt.vat.byRate.map((r) => ({ vatRateBp: r.vatRateBp, vatAmount: r.vatAmount })),
  };
}

/**
 * Asks the unit for a control code. The law forbids issuing a receipt without one, so a unit that
 * fails or does not answer becomes `control_unit_unavailable`; refused fields stay `validation_failed`.
 */
export async function requestControlCode(
  unit: ControlUnit,
  request: ControlUnitRequest,
): Promise<ControlUnitResponse> {
  assertControlUnitRequest(request);
  try {
    return await unit.requestControlCode(request);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('control_unit_unavailable', `The control unit did not answer: ${String(error)}`);
  }
}
