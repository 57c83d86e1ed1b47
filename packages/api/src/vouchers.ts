// Vouchers paid with at the register (`method: 'voucher'`, the code as `reference`): credit notes
// from returns ("tillgodokvitto") and coupons a manager issues ("rabattkupong").
import { z } from 'zod';
import { MoneyDto } from './common';

/** A voucher's code: 8–32 capital letters or digits (what a scanner reads off the print). */
export const VoucherCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{8,32}$/, '8–32 capital letters or digits');

/** A voucher and where it stands: `valid`, `used` (single use, paid with) or `expired`. */
export const Voucher = z
  .object({
    id: z.string(),
    code: z.string(),
    amount: MoneyDto,
    validUntil: z.iso.datetime(),
    isSingleUse: z.boolean(),
    reason: z.string(),
    issuedReceiptId: z.string().nullable(),
    /** Paid with so far (a reusable coupon may be used again until it expires). */
    timesUsed: z.number().int(),
    status: z.enum(['valid', 'used', 'expired']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Voucher' });
export type Voucher = z.infer<typeof Voucher>;

/** `POST /api/vouchers` (managers): a code is made if not given; valid a year unless said. */
export const IssueVoucherBody = z.strictObject({
  code: VoucherCode.optional(),
  amount: z.number().int().min(100).max(10_000_000),
  validUntil: z.iso.datetime({ offset: true }).optional(),
  isSingleUse: z.boolean().default(true),
  reason: z.string().trim().min(1).max(200),
});
export type IssueVoucherBody = z.input<typeof IssueVoucherBody>;
