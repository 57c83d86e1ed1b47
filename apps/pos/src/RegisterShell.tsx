import { ConnectionStatus, EventList, useApi, useEventStream, useT } from '@handla/ui';
import { PriceLookup } from './PriceLookup';

/**
 * What a signed-in cashier sees (their name is in the header): whether the register is connected,
 * the price look-up, and the store's latest events.
 */
export function RegisterShell() {
  const t = useT();
  const api = useApi();
  const { status, events } = useEventStream(api.eventsUrl(), { limit: 20 });
  return (
    <div className="register">
      <div className="register-status">
        <ConnectionStatus status={status} />
      </div>
      <PriceLookup />
      <section className="card stack register-events" aria-labelledby="events-heading">
        <h2 id="events-heading">{t('events.heading')}</h2>
        <EventList events={events} />
      </section>
    </div>
  );
}
