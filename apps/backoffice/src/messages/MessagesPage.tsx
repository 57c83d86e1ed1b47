// STUB (skeleton): the owning helper builds this page.
import { useT } from '@handla/ui';

export function MessagesPage() {
  const t = useT();
  return <h1>{t('nav.messages')}</h1>;
}
