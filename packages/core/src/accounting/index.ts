export * from './bas-accounts';
export * from './currency';
export * from './day-vouchers';
export * from './invoice-books';
export * from './ocr';
export * from './vouchers';
