// The pricing part of the pure core: VAT rate periods and the unit-price resolution order.
export * from './resolve-price';
export * from './vat-rates';
