// Set articles: a bundle SKU is sold as one article and draws its stock from component SKUs.
import { DomainError } from '../errors';
import type { CatalogStatus } from './status';

/** A component as asked for, with the facts about its SKU the rules need (undefined when unknown). */
export interface ComponentCandidate {
  skuId: string;
  quantity: number;
  facts?: { isBundle: boolean; status: CatalogStatus };
}

/** At most this many different components in one bundle. */
export const MAX_BUNDLE_COMPONENTS = 50;

/**
 * Checks a bundle's components, naming `components.<i>.skuId` on refusal: at least one, each SKU
 * once and known (`validation_failed`); none a bundle itself, since stock would then be drawn
 * through two levels, and none discontinued, since it can no longer be restocked (`invalid_state`).
 */
export function assertValidBundleComponents(components: readonly ComponentCandidate[]): void {
  if (components.length === 0 || components.length > MAX_BUNDLE_COMPONENTS) {
    const message = `A bundle has 1–${MAX_BUNDLE_COMPONENTS} components.`;
    throw new DomainError('validation_failed', message, [{ field: 'components', message }]);
  }
  components.forEach((c, i) => {
    const field = `components.${i}.skuId`;
    const fail = (code: string, message: string) => {
      throw new DomainError(code, message, [{ field, message }]);
    };
    if (components.findIndex((other) => other.skuId === c.skuId) !== i) {
      fail('validation_failed', `${c.skuId} is listed twice; give it a larger quantity instead.`);
    }
    if (!c.facts) fail('validation_failed', `There is no SKU ${c.skuId}.`);
    else if (c.facts.isBundle)
      fail('invalid_state', `${c.skuId} is a bundle itself; bundles cannot contain bundles.`);
    else if (c.facts.status === 'discontinued') fail('invalid_state', `${c.skuId} is discontinued.`);
  });
}
