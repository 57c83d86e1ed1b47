export * from './payment-split';
export * from './s10';
export * from './shipment-amounts';
