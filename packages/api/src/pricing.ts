// The HTTP contract of the pricing module: tax classes and VAT rate periods, product tax-class
// overrides, price lists and their prices, store overrides, campaigns, price resolution, and the
// minimal customer register that B2B price lists are assigned through.
import { z } from 'zod';
import { LocalizedText, MoneyDto, PageQuery } from './common';
import { CustomerCrmFields, CustomerCrmInput } from './customer-fields';

const Id = z.string().min(1).max(100);
const Country = z.string().regex(/^[A-Z]{2}$/, 'Two capital letters (ISO 3166-1)');
const TaxClassCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'A tax class code such as food');
const IsoDate = z.iso.date();
const Instant = z.iso.datetime({ offset: true });
const Version = z.number().int().min(1);
const Name = z.string().trim().min(1).max(200);

/** Money sent to the server: integer minor units and the currency they are in. */
export const MoneyInput = z.strictObject({
  amount: z.number().int().min(0).max(1_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as SEK'),
});
export type MoneyInput = z.infer<typeof MoneyInput>;

/** The `version` a delete must name, as a query parameter. */
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** A tax class: what a product is taxed as (standard, food, books …), the same in every country. */
export const TaxClass = z.object({ code: z.string(), name: LocalizedText }).meta({ id: 'TaxClass' });
export type TaxClass = z.infer<typeof TaxClass>;

/** One VAT rate period of a country × tax class; dates are local and inclusive. */
export const VatRate = z
  .object({
    country: z.string(),
    taxClass: z.string(),
    rateBp: z.number().int(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'VatRate' });
export type VatRate = z.infer<typeof VatRate>;

/** Query of `GET /api/vat-rates`. */
export const VatRateQuery = z.strictObject({
  country: Country.optional(),
  taxClass: TaxClassCode.optional(),
});
export type VatRateQuery = z.infer<typeof VatRateQuery>;

/** Body of `POST /api/vat-rates`: a new period, refused with 409 when it overlaps another. */
export const CreateVatRateBody = z.strictObject({
  country: Country,
  taxClass: TaxClassCode,
  rateBp: z.number().int().min(0).max(10_000),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().default(null),
});
export type CreateVatRateBody = z.infer<typeof CreateVatRateBody>;

/** Path of one VAT rate period. */
export const VatRateParams = z.strictObject({ country: Country, taxClass: TaxClassCode, validFrom: IsoDate });

/** Body of `PATCH /api/vat-rates/…`: moves the period's last day (null = open-ended). */
export const UpdateVatRateBody = z.strictObject({ version: Version, validTo: IsoDate.nullable() });
export type UpdateVatRateBody = z.infer<typeof UpdateVatRateBody>;

/** A product's tax class in one country, replacing its own class there. */
export const TaxOverride = z
  .object({
    productId: z.string(),
    country: z.string(),
    taxClass: z.string(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TaxOverride' });
export type TaxOverride = z.infer<typeof TaxOverride>;

/** Path of a product's override in one country. */
export const TaxOverrideParams = z.strictObject({ productId: Id, country: Country });

/** Body of `PUT …/tax-overrides/:country`; `version` is required when the override exists. */
export const SetTaxOverrideBody = z.strictObject({ taxClass: TaxClassCode, version: Version.optional() });
export type SetTaxOverrideBody = z.infer<typeof SetTaxOverrideBody>;

/** Retail is the one list everybody buys from; b2b lists are assigned to customers. */
export const PriceListKind = z.enum(['retail', 'b2b']);

/** A price list. */
export const PriceList = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    currency: z.string(),
    kind: PriceListKind,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PriceList' });
export type PriceList = z.infer<typeof PriceList>;

const ListCode = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Capitals, digits, - and _ (max 40)');

/** Body of `POST /api/price-lists`. */
export const CreatePriceListBody = z.strictObject({
  code: ListCode,
  name: Name,
  currency: MoneyInput.shape.currency,
  kind: PriceListKind.default('b2b'),
});
export type CreatePriceListBody = z.infer<typeof CreatePriceListBody>;

/** Body of `PATCH /api/price-lists/:id`; the currency never changes once prices exist in it. */
export const UpdatePriceListBody = z.strictObject({
  version: Version,
  code: ListCode.optional(),
  name: Name.optional(),
});
export type UpdatePriceListBody = z.infer<typeof UpdatePriceListBody>;

/** A SKU's price in a price list (or a store's override: then `storeId` is set). */
export const SkuPrice = z
  .object({
    skuId: z.string(),
    sku: z.string(),
    unitPriceInclVat: MoneyDto,
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SkuPrice' });
export type SkuPrice = z.infer<typeof SkuPrice>;

/** Body of `PUT …/prices/:skuId`: a new price, or a change naming the `version` it replaces. */
export const SetPriceBody = z.strictObject({ unitPriceInclVat: MoneyInput, version: Version.optional() });
export type SetPriceBody = z.infer<typeof SetPriceBody>;

/** Body of `POST /api/price-lists/:id/prices/bulk`: all of them or none. */
export const BulkSetPricesBody = z.strictObject({
  items: z
    .array(z.strictObject({ skuId: Id, unitPriceInclVat: MoneyInput, version: Version.optional() }))
    .min(1)
    .max(1000)
    .superRefine((items, issue) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.skuId))
          issue.addIssue({ code: 'custom', path: [index, 'skuId'], message: 'Listed twice' });
        seen.add(item.skuId);
      });
    }),
});
export type BulkSetPricesBody = z.infer<typeof BulkSetPricesBody>;

/** Path of a price in a list. */
export const ListPriceParams = z.strictObject({ id: Id, skuId: Id });
/** Path of a store's override. */
export const StorePriceParams = z.strictObject({ storeId: Id, skuId: Id });

/** Where a resolved price came from. */
export const PriceSource = z.enum(['retail', 'store_override', 'customer_list', 'campaign']);

/** Whether a campaign has started, is running, or is over. */
export const CampaignStatus = z.enum(['upcoming', 'active', 'ended']);

/** A campaign as listed, without its prices. */
export const CampaignSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    storeId: z.string().nullable(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    status: CampaignStatus,
    priceCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CampaignSummary' });
export type CampaignSummary = z.infer<typeof CampaignSummary>;

/** A campaign with its price per SKU. */
export const Campaign = CampaignSummary.extend({
  prices: z.array(z.object({ skuId: z.string(), sku: z.string(), unitPriceInclVat: MoneyDto })),
}).meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

/** Query of `GET /api/campaigns`: `current` is active and upcoming. */
export const CampaignListQuery = PageQuery.extend({
  status: z.enum(['current', 'active', 'upcoming', 'ended', 'all']).default('current'),
  storeId: Id.optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

const CampaignPrices = z
  .array(z.strictObject({ skuId: Id, unitPriceInclVat: MoneyInput }))
  .min(1)
  .max(1000);

/** Body of `POST /api/campaigns`; a null or absent `storeId` means every store. */
export const CreateCampaignBody = z.strictObject({
  name: Name,
  storeId: Id.nullable().default(null),
  startsAt: Instant,
  endsAt: Instant,
  prices: CampaignPrices,
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/** Body of `PATCH /api/campaigns/:id`; `prices` replaces the whole set. */
export const UpdateCampaignBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  prices: CampaignPrices.optional(),
});
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

/** Body of `POST /api/campaigns/:id/end`. */
export const EndCampaignBody = z.strictObject({ version: Version });

/** Query of `GET /api/prices/resolve`; `at` defaults to now. */
export const ResolvePriceQuery = z.strictObject({
  skuId: Id,
  storeId: Id.optional(),
  customerId: Id.optional(),
  at: Instant.optional(),
});
export type ResolvePriceQuery = z.infer<typeof ResolvePriceQuery>;

/** The price a SKU sells at for a store, customer and instant, with the VAT rate in force. */
export const ResolvedPrice = z
  .object({
    skuId: z.string(),
    unitPriceInclVat: MoneyDto,
    source: PriceSource,
    campaignId: z.string().nullable(),
    regularUnitPriceInclVat: MoneyDto,
    regularSource: PriceSource.exclude(['campaign']),
    vatRateBp: z.number().int(),
    taxClass: z.string(),
    country: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ResolvedPrice' });
export type ResolvedPrice = z.infer<typeof ResolvedPrice>;

/** A customer, as far as pricing needs one: who they are and their B2B price list. */
export const Customer = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    orgNumber: z.string().nullable(),
    priceListId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .extend(CustomerCrmFields.shape)
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

const Email = z.email().max(254);
const OrgNumber = z.string().trim().min(1).max(30);

/** Body of `POST /api/customers`. */
export const CreateCustomerBody = z.strictObject({
  name: Name,
  email: Email.nullable().default(null),
  orgNumber: OrgNumber.nullable().default(null),
  priceListId: Id.nullable().default(null),
  ...CustomerCrmInput.shape,
});
export type CreateCustomerBody = z.infer<typeof CreateCustomerBody>;

/** Body of `PATCH /api/customers/:id`; `priceListId: null` takes the customer off B2B prices. */
export const UpdateCustomerBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  email: Email.nullable().optional(),
  orgNumber: OrgNumber.nullable().optional(),
  priceListId: Id.nullable().optional(),
  ...CustomerCrmInput.shape,
});
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBody>;

/** Query of the price and store-price lists: a page, or just one SKU's row with `skuId`. */
export const PriceListQuery = PageQuery.extend({ skuId: z.string().max(100).optional() });
export type PriceListQuery = z.infer<typeof PriceListQuery>;
