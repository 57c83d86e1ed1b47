import { describe, expect, it } from 'vitest';
import { computeReceipt } from './compute-receipt';
import { controlUnitDateTime, controlUnitRequestFor, requestControlCode } from './control-unit';
import { createControlUnitSimulator } from './control-unit-simulator';
import type { ControlUnit, ControlUnitRequest } from './types';

const registration = { organisationNumber: '5560000001', registerId: 'STHLM-01' };
const request = (over: Partial<ControlUnitRequest> = {}): ControlUnitRequest => ({
  ...registration,
  dateTime: '202611231005',
  receiptNumber: 42,
  receiptType: 'normal',
  totalAmount: 134_900,
  negativeAmount: 0,
  vat: [
    { vatRateBp: 2500, vatAmount: 25_978 },
    { vatRateBp: 1200, vatAmount: 535 },
  ],
  ...over,
});
const fieldsOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    const { code, fields } = error as { code: string; fields?: { field: string }[] };
    return { code, fields: fields?.map((f) => f.field) };
  }
  throw new Error('expected a refusal');
};

describe('the control unit simulator', () => {
  it('answers a registered register with its serial number and a deterministic code', async () => {
    const unit = await createControlUnitSimulator({ secret: 'demo' });
    await unit.register(registration);
    const first = await requestControlCode(unit, request());
    expect(first.serialNumber).toBe(unit.serialNumber);
    expect(first.serialNumber).toMatch(/^SIM[A-Z2-7]{13}$/);
    expect(first.controlCode).toMatch(/^[A-Z2-7]{32}$/);
    const again = await (
      await createControlUnitSimulator({ secret: 'demo', registrations: [registration] })
    ).requestControlCode(request());
    expect(again).toEqual(first);
    // A copy of the same receipt gets its own code; another secret gives other codes.
    expect((await unit.requestControlCode(request({ receiptType: 'copy' }))).controlCode).not.toBe(
      first.controlCode,
    );
    const other = await createControlUnitSimulator({ secret: 'other', registrations: [registration] });
    expect((await other.requestControlCode(request())).controlCode).not.toBe(first.controlCode);
  });

  it('refuses an unregistered register and bad registrations', async () => {
    const unit = await createControlUnitSimulator({ secret: 'demo' });
    expect(await fieldsOf(unit.requestControlCode(request()))).toEqual({
      code: 'validation_failed',
      fields: ['registerId'],
    });
    expect(
      await fieldsOf(
        unit.register({ organisationNumber: '556000-0001', registerId: 'A-REGISTER-ID-LONGER' }),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: ['organisationNumber', 'registerId'],
    });
  });

  it('checks the fields like a real unit', async () => {
    const unit = await createControlUnitSimulator({ secret: 'demo', registrations: [registration] });
    const fiveRates = [2500, 1200, 600, 0, 1111].map((vatRateBp) => ({ vatRateBp, vatAmount: 1 }));
    expect(await fieldsOf(unit.requestControlCode(request({ vat: fiveRates })))).toEqual({
      code: 'validation_failed',
      fields: ['vat'],
    });
    expect(
      await fieldsOf(
        requestControlCode(
          unit,
          request({
            registerId: 'x'.repeat(17),
            dateTime: '202602301000',
            receiptNumber: 0,
            negativeAmount: 5,
          }),
        ),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: ['registerId', 'dateTime', 'receiptNumber', 'negativeAmount'],
    });
  });

  it('stops the receipt when the unit does not answer', async () => {
    const unit = await createControlUnitSimulator({ secret: 'demo', registrations: [registration] });
    unit.isAnswering = false;
    expect(await fieldsOf(requestControlCode(unit, request()))).toEqual({
      code: 'control_unit_unavailable',
      fields: undefined,
    });
    const broken: ControlUnit = {
      register: async () => {},
      requestControlCode: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    expect((await fieldsOf(requestControlCode(broken, request()))).code).toBe('control_unit_unavailable');
  });
});

describe('controlUnitRequestFor', () => {
  it('sends local time to the minute, the total, the negative lines and the VAT per rate', () => {
    const receipt = computeReceipt(
      {
        currency: 'SEK',
        isTraining: true,
        lines: [
          { skuId: 's1', skuCode: 'A', name: 'A', quantity: 1, unitPriceInclVat: 10_000, vatRateBp: 2500 },
          { skuId: 's2', skuCode: 'B', name: 'B', quantity: -1, unitPriceInclVat: 2_000, vatRateBp: 1200 },
        ],
        payments: [{ method: 'card_terminal', amount: 8_000 }],
      },
      {
        role: 'cashier',
        discountLimits: {
          cashier: { maxPercentBp: 0, maxAmount: 0 },
          manager: { maxPercentBp: 0, maxAmount: 0 },
          owner: { maxPercentBp: 0, maxAmount: 0 },
        },
      },
    );
    expect(
      controlUnitRequestFor(receipt, { ...registration, receiptNumber: 7, at: '2026-07-01T08:59:59.999Z' }),
    ).toEqual({
      ...registration,
      dateTime: '202607011059',
      receiptNumber: 7,
      receiptType: 'training',
      totalAmount: 8_000,
      negativeAmount: -2_000,
      vat: [
        { vatRateBp: 2500, vatAmount: 2_000 },
        { vatRateBp: 1200, vatAmount: -214 },
      ],
    });
  });

  it('follows daylight saving time', () => {
    expect(controlUnitDateTime('2026-01-15T23:30:00Z')).toBe('202601160030');
    expect(controlUnitDateTime('2026-03-29T01:00:00Z')).toBe('202603290300');
  });
});
