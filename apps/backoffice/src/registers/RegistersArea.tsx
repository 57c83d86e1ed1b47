// STUB (skeleton): the owning helper builds this page.
import { useT } from '@handla/ui';

export function RegistersArea() {
  const t = useT();
  return <h1>{t('nav.registers')}</h1>;
}
