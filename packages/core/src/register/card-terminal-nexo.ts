// The card terminal port spoken as nexo Sale to POI (protocol 3.0, the JSON form payment terminals
// such as Adyen's Terminal API accept): a PaymentRequest with the amount out, a PaymentResponse with
// the result, the card's masked number, the approval code and the slip back; an AbortRequest to
// cancel. The transport (`send`) is injected: an HTTPS POST to the terminal on the shop's network,
// or `nexoSimulatorTransport`, which answers the same messages from the built-in simulator so the
// register exercises the real message path in demos and tests.
import type { CardTerminal, CardTerminalRequest, CardTerminalResult } from './card-terminal';

const PROTOCOL_VERSION = '3.0';

export interface NexoMessageHeader {
  ProtocolVersion?: string;
  MessageClass: 'Service';
  MessageCategory: 'Payment' | 'Abort';
  MessageType: 'Request' | 'Response';
  /** Identifies the request/response pair: at most 10 characters. */
  ServiceID: string;
  SaleID: string;
  POIID: string;
}

export interface NexoPaymentRequest {
  SaleData: { SaleTransactionID: { TransactionID: string; TimeStamp: string } };
  PaymentTransaction: { AmountsReq: { Currency: string; RequestedAmount: number } };
}

export interface NexoAbortRequest {
  AbortReason: string;
  MessageReference: { MessageCategory: 'Payment'; ServiceID: string; SaleID: string; POIID: string };
}

export interface NexoPaymentResponse {
  Response: {
    Result: 'Success' | 'Failure' | 'Partial';
    ErrorCondition?: string;
    AdditionalResponse?: string;
  };
  SaleData?: { SaleTransactionID: { TransactionID: string; TimeStamp: string } };
  POIData?: { POITransactionID: { TransactionID: string; TimeStamp: string } };
  PaymentResult?: {
    AmountsResp?: { Currency: string; AuthorizedAmount: number };
    PaymentAcquirerData?: { ApprovalCode?: string; MerchantID?: string; AcquirerPOIID?: string };
    PaymentInstrumentData?: { PaymentInstrumentType?: string; CardData?: { MaskedPan?: string } };
  };
  PaymentReceipt?: {
    DocumentQualifier: 'CashierReceipt' | 'CustomerReceipt';
    OutputContent: { OutputFormat: 'Text'; OutputText: { Text: string }[] };
  }[];
}

export type NexoRequest = {
  SaleToPOIRequest: { MessageHeader: NexoMessageHeader } & (
    | { PaymentRequest: NexoPaymentRequest }
    | { AbortRequest: NexoAbortRequest }
  );
};
export type NexoResponse = {
  SaleToPOIResponse: { MessageHeader: NexoMessageHeader; PaymentResponse?: NexoPaymentResponse };
};

/** Sends a request and resolves with the terminal's response (`null`: none, e.g. to an abort). */
export type NexoTransport = (request: NexoRequest) => Promise<NexoResponse | null>;

export interface NexoTerminalOptions {
  /** The register as the terminal knows it (e.g. the register code). */
  saleId: string;
  /** The terminal's id, e.g. `P400Plus-275008565`. */
  poiId: string;
  send: NexoTransport;
  now?: () => Date;
}

// Amounts travel in major units with two decimals in nexo; we keep öre.
const toMajor = (ore: number) => Math.round(ore) / 100;
const toOre = (major: number) => Math.round(major * 100);

/** A ServiceID of at most 10 characters, unique enough per register and day. */
function serviceIdFor(reference: string, counter: number): string {
  let hash = 0;
  for (const char of reference) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${(hash % 100_000).toString().padStart(5, '0')}${(counter % 100_000).toString().padStart(5, '0')}`;
}

/** Reads a PaymentResponse into the port's result; anything malformed is `unavailable`. */
export function resultOfNexoResponse(
  response: NexoResponse | null,
  expectedCurrency: string,
): CardTerminalResult {
  const payment = response?.SaleToPOIResponse?.PaymentResponse;
  if (!payment?.Response?.Result) {
    return { status: 'unavailable', reason: 'The terminal sent no payment response' };
  }
  if (payment.Response.Result !== 'Success') {
    const condition = payment.Response.ErrorCondition ?? 'Refusal';
    const detail = payment.Response.AdditionalResponse;
    return { status: 'declined', reason: detail ? `${condition}: ${detail}` : condition };
  }
  const amounts = payment.PaymentResult?.AmountsResp;
  const transactionReference = payment.POIData?.POITransactionID?.TransactionID;
  if (!amounts || amounts.Currency !== expectedCurrency || !transactionReference) {
    return { status: 'unavailable', reason: 'The terminal approved without an amount or a transaction id' };
  }
  const slip =
    payment.PaymentReceipt?.find(
      (r) => r.DocumentQualifier === 'CustomerReceipt',
    )?.OutputContent.OutputText.map((line) => line.Text) ?? [];
  return {
    status: 'approved',
    amount: toOre(amounts.AuthorizedAmount),
    transactionReference,
    maskedPan: payment.PaymentResult?.PaymentInstrumentData?.CardData?.MaskedPan ?? '',
    authorizationCode: payment.PaymentResult?.PaymentAcquirerData?.ApprovalCode ?? '',
    slip,
  };
}

/** A card terminal reached over nexo Sale to POI. */
export function createNexoCardTerminal(options: NexoTerminalOptions): CardTerminal {
  const now = options.now ?? (() => new Date());
  const pending = new Map<string, string>(); // our reference → the payment's ServiceID
  let counter = 0;
  const header = (category: 'Payment' | 'Abort', serviceId: string): NexoMessageHeader => ({
    ProtocolVersion: PROTOCOL_VERSION,
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Request',
    ServiceID: serviceId,
    SaleID: options.saleId,
    POIID: options.poiId,
  });
  return {
    async pay(request: CardTerminalRequest) {
      const serviceId = serviceIdFor(request.reference, ++counter);
      pending.set(request.reference, serviceId);
      try {
        const response = await options.send({
          SaleToPOIRequest: {
            MessageHeader: header('Payment', serviceId),
            PaymentRequest: {
              SaleData: {
                SaleTransactionID: { TransactionID: request.reference, TimeStamp: now().toISOString() },
              },
              PaymentTransaction: {
                AmountsReq: { Currency: request.currency, RequestedAmount: toMajor(request.amount) },
              },
            },
          },
        });
        const echoed = response?.SaleToPOIResponse?.MessageHeader?.ServiceID;
        if (response && echoed !== serviceId) {
          return { status: 'unavailable', reason: `The terminal answered another request (${echoed})` };
        }
        return resultOfNexoResponse(response, request.currency);
      } finally {
        pending.delete(request.reference);
      }
    },
    async cancel(reference: string) {
      const serviceId = pending.get(reference);
      if (!serviceId) return;
      await options.send({
        SaleToPOIRequest: {
          MessageHeader: header('Abort', serviceIdFor(reference, ++counter)),
          AbortRequest: {
            AbortReason: 'MerchantAbort',
            MessageReference: {
              MessageCategory: 'Payment',
              ServiceID: serviceId,
              SaleID: options.saleId,
              POIID: options.poiId,
            },
          },
        },
      });
    },
  };
}

/**
 * A nexo transport answered by a `CardTerminal` (the built-in simulator): payment requests become
 * PaymentResponses with the simulator's decision, aborts cancel the waiting payment. SIMULATED: it
 * checks the message shapes a terminal checks and moves no money.
 */
export function nexoSimulatorTransport(terminal: CardTerminal, poiId: string): NexoTransport {
  const references = new Map<string, string>(); // ServiceID → our reference
  return async (message) => {
    const request = message.SaleToPOIRequest;
    const head = request.MessageHeader;
    if (head.MessageClass !== 'Service' || head.MessageType !== 'Request' || head.POIID !== poiId) {
      throw new Error(`Not a service request for terminal ${poiId}`);
    }
    if (head.ServiceID.length < 1 || head.ServiceID.length > 10)
      throw new Error('ServiceID must be 1–10 characters');
    if ('AbortRequest' in request) {
      const reference = references.get(request.AbortRequest.MessageReference.ServiceID);
      if (reference) await terminal.cancel(reference);
      return null;
    }
    const { SaleTransactionID } = request.PaymentRequest.SaleData;
    const { Currency, RequestedAmount } = request.PaymentRequest.PaymentTransaction.AmountsReq;
    references.set(head.ServiceID, SaleTransactionID.TransactionID);
    const result = await terminal.pay({
      amount: toOre(RequestedAmount),
      currency: Currency,
      reference: SaleTransactionID.TransactionID,
    });
    references.delete(head.ServiceID);
    const responseHeader: NexoMessageHeader = { ...head, MessageType: 'Response' };
    if (result.status !== 'approved') {
      return {
        SaleToPOIResponse: {
          MessageHeader: responseHeader,
          PaymentResponse: {
            Response: {
              Result: 'Failure',
              ErrorCondition: result.status === 'declined' ? 'Refusal' : 'UnavailableDevice',
              AdditionalResponse: result.reason,
            },
            SaleData: { SaleTransactionID },
          },
        },
      };
    }
    return {
      SaleToPOIResponse: {
        MessageHeader: responseHeader,
        PaymentResponse: {
          Response: { Result: 'Success' },
          SaleData: { SaleTransactionID },
          POIData: {
            POITransactionID: {
              TransactionID: result.transactionReference,
              TimeStamp: SaleTransactionID.TimeStamp,
            },
          },
          PaymentResult: {
            AmountsResp: { Currency, AuthorizedAmount: toMajor(result.amount) },
            PaymentAcquirerData: { ApprovalCode: result.authorizationCode },
            PaymentInstrumentData: {
              PaymentInstrumentType: 'Card',
              CardData: { MaskedPan: result.maskedPan },
            },
          },
          PaymentReceipt: [
            {
              DocumentQualifier: 'CustomerReceipt',
              OutputContent: { OutputFormat: 'Text', OutputText: result.slip.map((Text) => ({ Text })) },
            },
          ],
        },
      },
    };
  };
}
