export * from './errors';
export * from './money/format';
export * from './money/money';
export * from './rounding/cash-rounding';
export * from './vat/vat';
