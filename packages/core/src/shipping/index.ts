export * from './s10';
export * from './shipment-amounts';
