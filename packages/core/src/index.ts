export * from './catalog';
export * from './errors';
export * from './inventory';
export * from './money/format';
export * from './money/money';
export * from './pricing';
export * from './rounding/cash-rounding';
export * from './vat/vat';
