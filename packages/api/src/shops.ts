// CONTRACT READY
// Several web shops on one back office: each picked by the request's host name, with its own
// language, currency, price list, shipping and payment methods, terms and OSS registration.
import { z } from 'zod';
import { MoneyDto } from './common';
import { ShippingMethod } from './orders';
import { PriceBasketBody } from './promotions';

/** The ways a shop may let shoppers pay (what the checkout's `payment.method` takes). */
export const SHOP_PAYMENT_METHODS = ['card', 'klarna', 'swish', 'in_store', 'invoice'] as const;
export const ShopPaymentMethod = z.enum(SHOP_PAYMENT_METHODS);
export type ShopPaymentMethod = z.infer<typeof ShopPaymentMethod>;

const Language = z.enum(['sv', 'en']);
const Country = z.string().regex(/^[A-Z]{2}$/, 'Two capital letters (ISO 3166-1)');
// The format of host names and the ISO 4217 list are checked by the server, naming `hostNames[i]`.
const HostName = z.string().trim().min(1).max(253);

const ShopFields = {
  name: z.string().trim().min(1).max(100),
  hostNames: z.array(HostName).max(20),
  defaultLanguage: Language,
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as SEK'),
  priceListId: z.string().min(1).max(100),
  country: Country,
  shippingMethodIds: z.array(z.string().min(1).max(100)).max(50),
  paymentMethods: z.array(ShopPaymentMethod).min(1).max(SHOP_PAYMENT_METHODS.length),
  termsText: z.string().max(20_000),
  termsUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  isOssRegistered: z.boolean(),
  /** Where the shop delivers; refused (naming `deliveryCountries[i]`) outside the EU but for its own country. */
  deliveryCountries: z.array(Country).min(1).max(40),
  /** The address (scheme, host, optional port) its mails and SMS link to; null = the server's PUBLIC_URL. */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .max(200)
    .nullable(),
};

/** `POST /api/shops`. */
export const CreateShopBody = z
  .strictObject({
    ...ShopFields,
    hostNames: ShopFields.hostNames.min(1),
    termsText: ShopFields.termsText.default(''),
    termsUrl: ShopFields.termsUrl.default(null),
    isOssRegistered: ShopFields.isOssRegistered.default(false),
    /** Default: the shop's own country only. */
    deliveryCountries: ShopFields.deliveryCountries.optional(),
    publicUrl: ShopFields.publicUrl.default(null),
  })
  .meta({ id: 'CreateShopBody' });
export type CreateShopBody = z.infer<typeof CreateShopBody>;

/** `PATCH /api/shops/:id`: the fields to change and the `version` they were read at. */
export const UpdateShopBody = z
  .strictObject({
    version: z.number().int().min(1),
    name: ShopFields.name.optional(),
    hostNames: ShopFields.hostNames.optional(),
    defaultLanguage: Language.optional(),
    currency: ShopFields.currency.optional(),
    priceListId: ShopFields.priceListId.optional(),
    country: Country.optional(),
    shippingMethodIds: ShopFields.shippingMethodIds.optional(),
    paymentMethods: ShopFields.paymentMethods.optional(),
    termsText: ShopFields.termsText.optional(),
    termsUrl: ShopFields.termsUrl.optional(),
    isOssRegistered: z.boolean().optional(),
    deliveryCountries: ShopFields.deliveryCountries.optional(),
    publicUrl: ShopFields.publicUrl.optional(),
  })
  .meta({ id: 'UpdateShopBody' });
export type UpdateShopBody = z.infer<typeof UpdateShopBody>;

/** A shop as the back office edits it. */
export const Shop = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The shop for host names no shop claims; there is one per company. */
    isDefault: z.boolean(),
    hostNames: z.array(z.string()),
    defaultLanguage: Language,
    currency: z.string(),
    priceListId: z.string(),
    country: z.string(),
    shippingMethodIds: z.array(z.string()),
    paymentMethods: z.array(ShopPaymentMethod),
    termsText: z.string(),
    termsUrl: z.string().nullable(),
    isOssRegistered: z.boolean(),
    deliveryCountries: z.array(z.string()),
    publicUrl: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Shop' });
export type Shop = z.infer<typeof Shop>;

/** A shipping method with the countries it goes to (for the shop: empty means the shop's own country). */
export const ShopShippingMethod = ShippingMethod.extend({ countries: z.array(z.string()) }).meta({
  id: 'ShopShippingMethod',
});
export type ShopShippingMethod = z.infer<typeof ShopShippingMethod>;

/** `PUT /api/shops/shipping-methods/:id/countries`: where a method goes; [] = each shop's own country. */
export const ShippingMethodCountriesBody = z
  .strictObject({ countries: z.array(Country).max(40) })
  .meta({ id: 'ShippingMethodCountriesBody' });
export type ShippingMethodCountriesBody = z.infer<typeof ShippingMethodCountriesBody>;

/** `GET /api/shop`: the shop this host name opens, as the storefront starts with it. */
export const PublicShop = z
  .object({
    id: z.string(),
    name: z.string(),
    defaultLanguage: Language,
    currency: z.string(),
    country: z.string(),
    /** True when its prices are the company's retail list (the product list's prices as they are). */
    usesRetailPrices: z.boolean(),
    paymentMethods: z.array(ShopPaymentMethod),
    /** Each with the countries it goes to, among `deliveryCountries` (never empty here). */
    shippingMethods: z.array(ShopShippingMethod),
    /** Where the shop delivers; the checkout's address country must be one of them. */
    deliveryCountries: z.array(z.string()),
    termsText: z.string(),
    termsUrl: z.string().nullable(),
  })
  .meta({ id: 'PublicShop' });
export type PublicShop = z.infer<typeof PublicShop>;

/** `GET /api/shop/prices`: a page of the shop's price list (unit prices incl. VAT), by SKU id. */
export const ShopPricesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().max(100).optional(),
});
export type ShopPricesQuery = z.infer<typeof ShopPricesQuery>;

export const ShopPrices = z
  .object({
    items: z.array(z.object({ skuId: z.string(), unitPriceInclVat: MoneyDto })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ShopPrices' });
export type ShopPrices = z.infer<typeof ShopPrices>;

/**
 * `POST /api/shop/cart/price`: the cart priced as this host's shop sells it — its list and currency,
 * the web's promotions and the coupon — by the checkout's own pricing, so cart and order agree.
 * `isMember: true` prices as a member would pay (the product cards' "Medlemspris"); otherwise the
 * shopper is priced as who they are.
 */
export const ShopCartPriceBody = PriceBasketBody.pick({ lines: true, coupon: true, isMember: true }).meta({
  id: 'ShopCartPriceBody',
});
export type ShopCartPriceBody = z.infer<typeof ShopCartPriceBody>;
