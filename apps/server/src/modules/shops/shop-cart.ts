// The storefront's live cart, priced as the checkout will price it: the host shop's list and
// currency (not the retail list), the web's promotions for this shopper and the coupon, through the
// checkout's own functions, so the cart, the checkout and the order show the same amounts.
import type { PricedBasketDto, ShopCartPriceBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { priceCheckoutPromotions } from '../orders/checkout-promotions';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import type { ShopRow } from './shops.store';

/** The cart in `shop`'s prices; an SKU the shop's list does not price is 404 naming `lines[i].skuId`. */
export async function priceShopCart(
  ctx: AppContext,
  shop: ShopRow,
  body: ShopCartPriceBody,
  customerId: string | null,
): Promise<PricedBasketDto> {
  const skuIds = body.lines.map((l) => l.skuId);
  let prices: Awaited<ReturnType<typeof resolvePrices>>;
  try {
    prices = await resolvePrices(ctx, {
      skuIds,
      basePriceListId: shop.priceListId,
      ...(customerId ? { customerId } : {}),
      at: ctx.clock(),
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
    const i = Math.max(
      body.lines.findIndex((l) => error.message.includes(l.skuId)),
      0,
    );
    throw new DomainError('not_found', `${shop.name} does not sell ${skuIds[i]}.`, [
      { field: `lines[${i}].skuId`, message: 'Not for sale in this shop' },
    ]);
  }
  const priced = await priceCheckoutPromotions(
    ctx,
    prices[0]!.unitPriceInclVat.currency,
    body.lines.map((l, i) => ({
      skuId: l.skuId,
      quantity: l.quantity,
      unitPriceInclVat: prices[i]!.unitPriceInclVat.amount,
      vatRateBp: prices[i]!.vatRateBp,
    })),
    { customerId, couponCode: body.coupon ?? undefined, isMemberAssumed: body.isMember },
  );
  // The checkout numbers lines by position; the cart asks with its own ids (the SKU ids).
  const idOf = (lineId: string) => {
    const i = Number(lineId) - 1;
    return body.lines[i]?.lineId ?? String(i + 1);
  };
  return { ...priced, lines: priced.lines.map((l) => ({ ...l, lineId: idOf(l.lineId) })) } as PricedBasketDto;
}
