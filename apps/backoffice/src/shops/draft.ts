// The shop form's draft: what the inputs hold (host names one per line), the request body made
// from it, and the server's field errors (`hostNames[2]`, `shippingMethodIds.0`) put on its inputs.
import type { CreateShopBody, Problem, Shop, ShopPaymentMethod } from '@handla/api';

type FieldError = Problem['errors'][number];

export interface ShopDraft {
  name: string;
  hostNames: string;
  defaultLanguage: 'sv' | 'en';
  currency: string;
  priceListId: string;
  country: string;
  shippingMethodIds: string[];
  paymentMethods: ShopPaymentMethod[];
  termsText: string;
  termsUrl: string;
  isOssRegistered: boolean;
  /** Country codes separated by spaces or commas, e.g. "SE FI DK". */
  deliveryCountries: string;
  publicUrl: string;
}

export type ShopField = keyof ShopDraft;

export function toShopDraft(shop?: Shop): ShopDraft {
  return {
    name: shop?.name ?? '',
    hostNames: shop?.hostNames.join('\n') ?? '',
    defaultLanguage: shop?.defaultLanguage ?? 'sv',
    currency: shop?.currency ?? 'SEK',
    priceListId: shop?.priceListId ?? '',
    country: shop?.country ?? 'SE',
    shippingMethodIds: shop?.shippingMethodIds ?? [],
    paymentMethods: shop?.paymentMethods ?? ['card'],
    termsText: shop?.termsText ?? '',
    termsUrl: shop?.termsUrl ?? '',
    isOssRegistered: shop?.isOssRegistered ?? false,
    deliveryCountries: shop?.deliveryCountries.join(' ') ?? '',
    publicUrl: shop?.publicUrl ?? '',
  };
}

/** The delivery countries as the server gets them: codes in capitals, in the order typed. */
export const countryCodesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);

/** The host names as the server gets them: one per non-empty line, trimmed. */
export const hostNamesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toShopBody(draft: ShopDraft): CreateShopBody {
  return {
    name: draft.name.trim(),
    hostNames: hostNamesOf(draft.hostNames),
    defaultLanguage: draft.defaultLanguage,
    currency: draft.currency.trim().toUpperCase(),
    priceListId: draft.priceListId,
    country: draft.country.trim().toUpperCase(),
    shippingMethodIds: draft.shippingMethodIds,
    paymentMethods: draft.paymentMethods,
    termsText: draft.termsText,
    termsUrl: draft.termsUrl.trim() || null,
    isOssRegistered: draft.isOssRegistered,
    // None typed: the shop's own country (the server's default).
    ...(countryCodesOf(draft.deliveryCountries).length
      ? { deliveryCountries: countryCodesOf(draft.deliveryCountries) }
      : {}),
    publicUrl: draft.publicUrl.trim() || null,
  };
}

const FIELDS = new Set<string>(Object.keys(toShopDraft()));

/** The server's field errors by the input they belong to; a host name's carries its line (1-based). */
export function shopFieldErrors(
  errors: readonly FieldError[],
): Partial<Record<ShopField, { message: string; line?: number; index?: number }>> {
  const byField: Partial<Record<ShopField, { message: string; line?: number; index?: number }>> = {};
  for (const error of errors) {
    const match = /^([A-Za-z]+)(?:\[(\d+)\]|\.(\d+))?/.exec(error.field);
    const field = match?.[1];
    if (!field || !FIELDS.has(field) || byField[field as ShopField]) continue;
    const index = match[2] ?? match[3];
    byField[field as ShopField] = {
      message: error.message,
      ...(field === 'hostNames' && index !== undefined ? { line: Number(index) + 1 } : {}),
      ...(field === 'deliveryCountries' && index !== undefined ? { index: Number(index) } : {}),
    };
  }
  return byField;
}
