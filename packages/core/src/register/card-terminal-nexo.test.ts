import { describe, expect, it } from 'vitest';
import { payByCardTerminal } from './card-terminal';
import {
  createNexoCardTerminal,
  type NexoRequest,
  type NexoResponse,
  nexoSimulatorTransport,
  resultOfNexoResponse,
} from './card-terminal-nexo';
import { createCardTerminalSimulator } from './card-terminal-simulator';

function recordingTerminal() {
  const sent: NexoRequest[] = [];
  const simulator = createCardTerminalSimulator({ delayMs: 20 });
  const transport = nexoSimulatorTransport(simulator, 'SIM-P400-1');
  const terminal = createNexoCardTerminal({
    saleId: 'KASSA-1',
    poiId: 'SIM-P400-1',
    now: () => new Date('2026-12-03T10:00:00Z'),
    send: (request) => {
      sent.push(request);
      return transport(request);
    },
  });
  return { sent, terminal };
}

describe('the card terminal over nexo Sale to POI', () => {
  it('sends a PaymentRequest in major units and reads the approval, card and slip back', async () => {
    const { sent, terminal } = recordingTerminal();
    const result = await payByCardTerminal(terminal, { amount: 12_345, currency: 'SEK', reference: 'pay_1' });
    const request = sent[0]!.SaleToPOIRequest;
    expect(request.MessageHeader).toMatchObject({
      ProtocolVersion: '3.0',
      MessageClass: 'Service',
      MessageCategory: 'Payment',
      MessageType: 'Request',
      SaleID: 'KASSA-1',
      POIID: 'SIM-P400-1',
    });
    expect(request.MessageHeader.ServiceID.length).toBeLessThanOrEqual(10);
    expect('PaymentRequest' in request && request.PaymentRequest).toEqual({
      SaleData: { SaleTransactionID: { TransactionID: 'pay_1', TimeStamp: '2026-12-03T10:00:00.000Z' } },
      PaymentTransaction: { AmountsReq: { Currency: 'SEK', RequestedAmount: 123.45 } },
    });
    expect(result).toMatchObject({ status: 'approved', amount: 12_345, maskedPan: '************0119' });
    if (result.status === 'approved') {
      expect(result.authorizationCode).toMatch(/^\d{6}$/);
      expect(result.slip).toContain('GODKÄNT');
    }
  });

  it('turns a refusal into declined with its condition, and an abort into a cancelled payment', async () => {
    const { sent, terminal } = recordingTerminal();
    const declined = await payByCardTerminal(terminal, {
      amount: 10_013,
      currency: 'SEK',
      reference: 'pay_2',
    });
    expect(declined.status).toBe('declined');
    if (declined.status === 'declined') expect(declined.reason).toMatch(/^Refusal/);

    const waiting = terminal.pay({ amount: 5_000, currency: 'SEK', reference: 'pay_3' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await terminal.cancel('pay_3');
    expect((await waiting).status).toBe('declined');
    const abort = sent.at(-1)!.SaleToPOIRequest;
    expect(abort.MessageHeader.MessageCategory).toBe('Abort');
    expect('AbortRequest' in abort && abort.AbortRequest.MessageReference.ServiceID).toBe(
      sent.at(-2)!.SaleToPOIRequest.MessageHeader.ServiceID,
    );
  });

  it('refuses to record an answer that is not for this request, in another currency, or without an id', async () => {
    const approved = (patch: object): NexoResponse => ({
      SaleToPOIResponse: {
        MessageHeader: {
          MessageClass: 'Service',
          MessageCategory: 'Payment',
          MessageType: 'Response',
          ServiceID: 'x',
          SaleID: 'KASSA-1',
          POIID: 'T',
        },
        PaymentResponse: {
          Response: { Result: 'Success' },
          POIData: { POITransactionID: { TransactionID: 't1', TimeStamp: '2026-12-03T10:00:00Z' } },
          PaymentResult: { AmountsResp: { Currency: 'SEK', AuthorizedAmount: 10 } },
          ...patch,
        },
      },
    });
    expect(resultOfNexoResponse(approved({}), 'SEK')).toMatchObject({ status: 'approved', amount: 1_000 });
    expect(resultOfNexoResponse(approved({}), 'EUR').status).toBe('unavailable');
    expect(resultOfNexoResponse(approved({ POIData: undefined }), 'SEK').status).toBe('unavailable');
    expect(resultOfNexoResponse(null, 'SEK').status).toBe('unavailable');

    const terminal = createNexoCardTerminal({
      saleId: 'KASSA-1',
      poiId: 'T',
      send: async () => approved({}),
    });
    const wrongPair = await terminal.pay({ amount: 1_000, currency: 'SEK', reference: 'pay_4' });
    expect(wrongPair).toMatchObject({ status: 'unavailable' });
  });
});
