// Promotions: automatic rules and coupon codes, one engine in the core for the shop and the register.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function PromotionsArea() {
  const t = useT();
  return <PageHeading title={t('nav.promotions')} />;
}
