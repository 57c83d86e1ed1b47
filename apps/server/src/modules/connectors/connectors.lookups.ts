// What other modules may read about connectors: where the web shop's home deliveries are fulfilled.
export { findHomeDeliveryLocationId } from './connectors.store';
