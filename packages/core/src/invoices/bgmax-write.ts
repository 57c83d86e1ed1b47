// Writes a BgMax file in Bankgirot's layout: what a bank would deliver, for tests, demos and the
// back office's sample. One section (05 … 15) per payment date; only the records `parseBgMax` reads.

/** A payment to write: OCR reference (type 2) unless `referenceType` says otherwise. */
export interface BgMaxPaymentToWrite {
  readonly senderBankgiro: string;
  readonly reference: string;
  readonly amount: number;
  /** YYYY-MM-DD. */
  readonly paymentDate: string;
  readonly referenceType?: number;
  readonly payerName?: string;
  readonly information?: string;
}

export interface BgMaxFileToWrite {
  /** YYYYMMDDHHMMSSffffff. */
  readonly timestamp: string;
  readonly receiverBankgiro: string;
  readonly payments: readonly BgMaxPaymentToWrite[];
  readonly isTest?: boolean;
}

const num = (value: number | string, width: number) => String(value).padStart(width, '0');
const text = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ');
const bankgiro = (value: string) => num(value.replace(/\D/g, ''), 10);

/** The file's text, CRLF line ends, every record 80 characters. */
export function writeBgMax(file: BgMaxFileToWrite): string {
  const records = [`01${text('BGMAX', 20)}01${file.timestamp}${file.isTest ? 'T' : 'P'}`];
  const byDate = new Map<string, BgMaxPaymentToWrite[]>();
  for (const p of file.payments) byDate.set(p.paymentDate, [...(byDate.get(p.paymentDate) ?? []), p]);
  let serial = 0;
  let deposit = 0;
  for (const [date, payments] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    records.push(`05${bankgiro(file.receiverBankgiro)}${' '.repeat(10)}SEK`);
    for (const p of payments) {
      serial += 1;
      records.push(
        `20${bankgiro(p.senderBankgiro)}${text(p.reference, 25)}${num(p.amount, 18)}` +
          `${p.referenceType ?? 2}1${num(serial, 12)}0`,
      );
      if (p.information) records.push(`25${text(p.information, 50)}`);
      if (p.payerName) records.push(`26${text(p.payerName, 35)}`);
    }
    deposit += 1;
    const sum = payments.reduce((s, p) => s + p.amount, 0);
    records.push(
      `15${text('99999999999', 35)}${date.replaceAll('-', '')}${num(deposit, 5)}${num(sum, 18)}SEK${num(payments.length, 8)} `,
    );
  }
  records.push(`70${num(file.payments.length, 8)}${num(0, 8)}${num(0, 8)}${num(deposit, 8)}`);
  return `${records.map((r) => r.padEnd(80, ' ')).join('\r\n')}\r\n`;
}
