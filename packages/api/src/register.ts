// CONTRACT READY
// The HTTP contract of the register: pairing a device, its setup snapshot, cashier sign-in,
// settings, receipts and the journal. The commands a register sends: ./register-commands.
import { z } from 'zod';
import { Role } from './auth';
import { LocalizedText, MoneyDto } from './common';
import { Store } from './stores';

export * from './register-commands';

const Id = z.string().min(1).max(100);

/** A pairing code a manager reads out to the device: one use, valid for `expiresAt`. */
export const RegisterPairingCode = z
  .object({ code: z.string(), registerId: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'RegisterPairingCode' });
export type RegisterPairingCode = z.infer<typeof RegisterPairingCode>;

/** The public half of the device's ECDSA P-256 key, as Web Crypto exports it (JWK). */
export const DevicePublicKey = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().min(1).max(100),
    y: z.string().min(1).max(100),
    ext: z.boolean().optional(),
    key_ops: z.array(z.string().max(20)).max(4).optional(),
  })
  .strict()
  .meta({ id: 'DevicePublicKey' });
export type DevicePublicKey = z.infer<typeof DevicePublicKey>;

/** `POST /api/devices/pair`: the code and the device's public key. */
export const PairDeviceBody = z.strictObject({
  code: z.string().trim().min(4).max(20),
  publicKey: DevicePublicKey,
  name: z.string().trim().min(1).max(100).optional(),
});
export type PairDeviceBody = z.infer<typeof PairDeviceBody>;

/**
 * The device's credentials: send `Authorization: Device <deviceToken>` on every register call.
 * Shown once; a new pairing of the same register revokes the earlier device.
 */
export const PairedDevice = z
  .object({ deviceId: z.string(), deviceToken: z.string(), registerId: z.string(), storeId: z.string() })
  .meta({ id: 'PairedDevice' });
export type PairedDevice = z.infer<typeof PairedDevice>;

/** A register's own settings; a manager changes them with `PUT /api/registers/:id/settings`. */
export const RegisterSettings = z
  .object({
    printerHost: z.string().nullable(),
    printerPort: z.number().int().min(1).max(65535).nullable(),
    controlUnitSerial: z.string().nullable(),
    isTrainingAllowed: z.boolean(),
    idleLockMinutes: z.number().int().min(1).max(240),
  })
  .meta({ id: 'RegisterSettings' });
export type RegisterSettings = z.infer<typeof RegisterSettings>;

/** `PUT /api/registers/:id/settings`: the whole settings document. */
export const UpdateRegisterSettingsBody = z.strictObject({
  printerHost: z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9.:-]+$/, 'A host name or IP address')
    .nullable(),
  printerPort: z.number().int().min(1).max(65535).nullable(),
  controlUnitSerial: z.string().trim().min(1).max(40).nullable(),
  isTrainingAllowed: z.boolean(),
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type UpdateRegisterSettingsBody = z.infer<typeof UpdateRegisterSettingsBody>;

/** A register as the setup snapshot names it. */
export const RegisterInfo = z
  .object({ id: z.string(), code: z.string(), name: z.string(), storeId: z.string() })
  .meta({ id: 'RegisterInfo' });
export type RegisterInfo = z.infer<typeof RegisterInfo>;

/** The legal seller, as receipts print it. */
export const RegisterCompany = z
  .object({
    name: z.string(),
    orgNumber: z.string(),
    vatNumber: z.string(),
    country: z.string().length(2),
    currency: z.string().length(3),
    timeZone: z.string(),
  })
  .meta({ id: 'RegisterCompany' });
export type RegisterCompany = z.infer<typeof RegisterCompany>;

/** One sellable SKU in the offline catalog, priced for this store now (campaigns included). */
export const RegisterCatalogItem = z
  .object({
    skuId: z.string(),
    sku: z.string(),
    ean: z.string().nullable(),
    productId: z.string(),
    name: LocalizedText,
    options: z.record(z.string(), z.string()),
    unitPriceInclVat: z.number().int(),
    /** The price without the campaign, when a campaign applies; else equal to `unitPriceInclVat`. */
    regularUnitPriceInclVat: z.number().int(),
    campaignId: z.string().nullable(),
    vatRateBp: z.number().int(),
    taxClass: z.string(),
    warrantyText: z.string().nullable(),
    isBundle: z.boolean(),
    /**
     * What promotion rules match on (core `BasketLine`): the category and its ancestors, the brand.
     * Optional: a register's snapshot cached before they were sent has neither (no category rule).
     */
    categoryIds: z.array(z.string()).optional(),
    brand: z.string().nullable().optional(),
  })
  .meta({ id: 'RegisterCatalogItem' });
export type RegisterCatalogItem = z.infer<typeof RegisterCatalogItem>;

/**
 * `GET /api/registers/:id/coupons/:code`: a coupon code the register may apply now, and the rule it
 * unlocks. `isShared` codes may be taken offline later (counted when the sale syncs); single-use
 * ones only online.
 */
export const RegisterCoupon = z
  .object({
    code: z.string(),
    ruleId: z.string(),
    isShared: z.boolean(),
    remaining: z.number().int(),
  })
  .meta({ id: 'RegisterCoupon' });
export type RegisterCoupon = z.infer<typeof RegisterCoupon>;

/** A big button on the sale screen for an item without a barcode. */
export const RegisterQuickButton = z
  .object({ skuId: z.string(), label: z.string() })
  .meta({ id: 'RegisterQuickButton' });
export type RegisterQuickButton = z.infer<typeof RegisterQuickButton>;

/**
 * Who may sign in at this register, with what the device needs to check a PIN offline: the
 * PBKDF2-SHA-256 hash `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>` of the PIN (UTF-8).
 */
export const RegisterCashier = z
  .object({
    staffId: z.string(),
    staffNumber: z.string(),
    name: z.string(),
    role: Role,
    pinHash: z.string(),
  })
  .meta({ id: 'RegisterCashier' });
export type RegisterCashier = z.infer<typeof RegisterCashier>;

/** Where the register's journal and receipt series stand on the server. */
export const RegisterJournalHead = z
  .object({
    /** The last journal sequence the server holds; 0 when the journal is empty. */
    sequence: z.number().int().min(0),
    /** The hash of that entry; '' when the journal is empty (the first entry's previousHash). */
    hash: z.string(),
    /** The last receipt number; 0 before the first receipt. */
    receiptNumber: z.number().int().min(0),
  })
  .meta({ id: 'RegisterJournalHead' });
export type RegisterJournalHead = z.infer<typeof RegisterJournalHead>;

/** `GET /api/registers/:id/setup`: everything the register caches to sell offline. */
export const RegisterSetup = z
  .object({
    register: RegisterInfo,
    store: Store,
    company: RegisterCompany,
    settings: RegisterSettings,
    catalog: z.object({ pricedAt: z.iso.datetime(), items: z.array(RegisterCatalogItem) }),
    quickButtons: z.array(RegisterQuickButton),
    cashiers: z.array(RegisterCashier),
    /** Each role's discount limits: the core `ReceiptPolicy.discountLimits` the server also applies. */
    discountLimits: z.record(Role, z.object({ maxPercentBp: z.number().int(), maxAmount: z.number().int() })),
    journalHead: RegisterJournalHead,
    /**
     * The register's last Z report (null before the first): where the next day starts, so the
     * register can take X and Z reports offline from its own journal.
     */
    lastZ: z
      .object({
        sequence: z.number().int(),
        number: z.number().int(),
        grandTotals: z.object({ sales: z.number().int(), returns: z.number().int(), net: z.number().int() }),
      })
      .nullable(),
  })
  .meta({ id: 'RegisterSetup' });
export type RegisterSetup = z.infer<typeof RegisterSetup>;

/** `POST /api/registers/:id/cashier-sessions`: a staff number and PIN (5 wrong in 15 min → 429). */
export const CashierSignInBody = z.strictObject({
  staffNumber: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'Digits only'),
  pin: z.string().regex(/^\d{4,8}$/, '4–8 digits'),
});
export type CashierSignInBody = z.infer<typeof CashierSignInBody>;

/** Who is selling now. */
export const CashierSession = z
  .object({
    staffId: z.string(),
    staffNumber: z.string(),
    name: z.string(),
    role: Role,
    registerId: z.string(),
    signedInAt: z.iso.datetime(),
  })
  .meta({ id: 'CashierSession' });
export type CashierSession = z.infer<typeof CashierSession>;

/** One line of a stored receipt (negative quantity on a return). */
export const ReceiptLineDto = z
  .object({
    lineNo: z.number().int(),
    skuId: z.string(),
    skuCode: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    unitPriceInclVat: z.number().int(),
    discountInclVat: z.number().int(),
    totalInclVat: z.number().int(),
    vatRateBp: z.number().int(),
    originalLineNo: z.number().int().nullable(),
    /** On a sale: units already returned against this line. */
    returnedQuantity: z.number().int(),
  })
  .meta({ id: 'ReceiptLine' });
export type ReceiptLineDto = z.infer<typeof ReceiptLineDto>;

/** One payment of a stored receipt (negative on a refund). */
export const ReceiptPaymentDto = z
  .object({ method: z.string(), amount: z.number().int(), reference: z.string().nullable() })
  .meta({ id: 'ReceiptPayment' });
export type ReceiptPaymentDto = z.infer<typeof ReceiptPaymentDto>;

/** A completed receipt as the server stored it. */
export const ReceiptSummary = z
  .object({
    id: z.string(),
    registerId: z.string(),
    storeId: z.string(),
    number: z.number().int(),
    kind: z.enum(['sale', 'return']),
    isTraining: z.boolean(),
    cashierId: z.string(),
    cashierName: z.string(),
    customerId: z.string().nullable(),
    total: MoneyDto,
    vatAmount: MoneyDto,
    controlCode: z.string(),
    controlUnitSerial: z.string(),
    originalReceiptId: z.string().nullable(),
    journalSequence: z.number().int(),
    copies: z.number().int(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'ReceiptSummary' });
export type ReceiptSummary = z.infer<typeof ReceiptSummary>;

/** `GET /api/receipts/:id`: the receipt with its lines, payments, the computed receipt and its printable document. */
export const ReceiptDetail = ReceiptSummary.extend({
  lines: z.array(ReceiptLineDto),
  payments: z.array(ReceiptPaymentDto),
  /** The computed receipt as the register made it (core `ComputedReceipt`). */
  computed: z.unknown(),
  /** The printer-neutral receipt document (core `buildReceiptDocument`). */
  document: z.unknown(),
  /**
   * Lines sold at another unit price than the store's (a cashier's own price, or a price changed
   * while the register was offline): recorded for review, never a reason to refuse the receipt.
   */
  priceDeviations: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.string(),
      charged: z.number().int(),
      listed: z.number().int(),
    }),
  ),
}).meta({ id: 'ReceiptDetail' });
export type ReceiptDetail = z.infer<typeof ReceiptDetail>;

/** `GET /api/registers/:id/receipts`: search by text (SKU, name), period and number; newest first. */
export const ReceiptQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  number: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReceiptQuery = z.infer<typeof ReceiptQuery>;

/**
 * `POST /api/receipts/:id/print`: without `copyId` the original (only once); a copy first goes
 * through the journal as a `receipt.copy` command, then is printed with its `copyId` (KOPIA).
 */
export const PrintReceiptBody = z.strictObject({ copyId: Id.optional() });
export type PrintReceiptBody = z.infer<typeof PrintReceiptBody>;

/** What the printer was sent. */
export const PrintResult = z
  .object({
    receiptId: z.string(),
    copyId: z.string().nullable(),
    bytes: z.number().int(),
    printer: z.string(),
  })
  .meta({ id: 'PrintResult' });
export type PrintResult = z.infer<typeof PrintResult>;

/** `GET /api/registers/:id/journal/verify`: the whole chain checks out, or the first broken entry. */
export const JournalVerification = z
  .union([
    z.object({ ok: z.literal(true), entries: z.number().int() }),
    z.object({
      ok: z.literal(false),
      entries: z.number().int(),
      firstBrokenSequence: z.number().int(),
      reason: z.string(),
    }),
  ])
  .meta({ id: 'JournalVerification' });
export type JournalVerification = z.infer<typeof JournalVerification>;

/** A gift card and its balance (the sum of its ledger). */
export const GiftCard = z
  .object({ id: z.string(), code: z.string(), balance: MoneyDto, createdAt: z.iso.datetime() })
  .meta({ id: 'GiftCard' });
export type GiftCard = z.infer<typeof GiftCard>;

/** `POST /api/gift-cards` (managers): issue a card with an amount; the code is made if not given. */
export const IssueGiftCardBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8,32}$/, '8–32 capital letters or digits')
    .optional(),
  amount: z.number().int().min(100).max(10_000_000),
});
export type IssueGiftCardBody = z.infer<typeof IssueGiftCardBody>;

/** `GET /api/registers/:id/reports/x`: an X report (core `DayReport`) from the journal since the last Z. */
export const DayReportDto = z.record(z.string(), z.unknown()).meta({ id: 'DayReport' });
export type DayReportDto = z.infer<typeof DayReportDto>;

/** A register in the list of `GET /api/registers`: where it stands and whether a device is paired. */
export const RegisterSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    storeId: z.string(),
    storeCode: z.string(),
    storeName: z.string(),
    pairedAt: z.string().nullable(),
  })
  .meta({ id: 'RegisterSummary' });
export type RegisterSummary = z.infer<typeof RegisterSummary>;
