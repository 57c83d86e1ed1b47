// Pickup times: wall-clock hours to DST-correct slots, what is offered, and settings validation.
export * from './settings-checks';
export * from './slots';
export * from './wall-clock';
