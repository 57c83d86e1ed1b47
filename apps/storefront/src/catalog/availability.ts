// Stock per store for one SKU. The typed client has no method for this public endpoint yet, so
// the call is made here with the same error shape (ApiError) the client throws.
import { ApiError, type SkuAvailability } from '@handla/api';

/** GET /api/stock/skus/:skuId/availability */
export async function fetchAvailability(skuId: string, signal?: AbortSignal): Promise<SkuAvailability> {
  const response = await fetch(`/api/stock/skus/${encodeURIComponent(skuId)}/availability`, {
    headers: { accept: 'application/json' },
    signal,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { title?: string; code?: string } | null;
    throw new ApiError({
      type: 'about:blank',
      title: body?.title ?? response.statusText,
      status: response.status,
      code: body?.code ?? 'http_error',
      errors: [],
    });
  }
  return (await response.json()) as SkuAvailability;
}
