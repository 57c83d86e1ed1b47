// STUB (skeleton): the owning helper builds this page.
import { useT } from '@handla/ui';

export function PickupArea() {
  const t = useT();
  return <h1>{t('nav.pickup')}</h1>;
}
